package org.xuewei.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xuewei.engine.check.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code verify --in instance.json --result result.json}: one-line verdict, exit 0 only when all holds. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Recomputes a published draw and compares it byte for byte; checks feasibility,",
            "no wasted seat and no justified envy. Prints one line: OK or FAIL."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "INSTANCE", description = "the published instance file")
    Path in;

    @Option(names = "--result", required = true, paramLabel = "RESULT", description = "the published result file")
    Path result;

    @Override
    public Integer call() {
        Verifier.Verdict v = Verifier.verify(in, result);
        spec.commandLine().getOut().println(v.line());
        if (!v.ok()) {
            for (String p : v.problems()) {
                spec.commandLine().getErr().println("  - " + p);
            }
        }
        return v.ok() ? EngineCli.OK : EngineCli.WRONG;
    }
}
