package org.xuewei.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xuewei.engine.InvalidInputException;
import org.xuewei.engine.Mechanism;
import org.xuewei.engine.TieBreak;
import org.xuewei.engine.gen.InstanceGenerator;
import org.xuewei.engine.gen.InstanceJsonSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code generate --students N --schools M --choices 5 --out instance.json}: a reproducible synthetic instance. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes a deterministic synthetic instance (for benchmarks and demos).")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"--students", "-n"}, required = true, description = "number of students")
    int students;

    @Option(names = "--schools", defaultValue = "400", description = "number of schools (default ${DEFAULT-VALUE})")
    int schools;

    @Option(names = "--choices", defaultValue = "5", description = "choices per student (default ${DEFAULT-VALUE})")
    int choices;

    @Option(names = "--mechanism", defaultValue = "deferred-acceptance",
            description = "deferred-acceptance or immediate-acceptance")
    String mechanism;

    @Option(names = "--tie-break", defaultValue = "single", description = "single or multiple")
    String tieBreak;

    @Option(names = "--gen-seed", defaultValue = "1", description = "which synthetic city (default ${DEFAULT-VALUE})")
    long genSeed;

    @Option(names = "--out", required = true, description = "where to write the instance")
    Path out;

    @Override
    public Integer call() throws IOException {
        return generate(students, schools, choices, mechanism, tieBreak, genSeed, out, spec.commandLine().getOut());
    }

    static int generate(int students, int schools, int choices, String mechanism, String tieBreak, long genSeed,
                        Path out, PrintWriter msg) throws IOException {
        if (students < 0 || schools < 1 || choices < 1) {
            throw new InvalidInputException("--generate/--schools/--choices: need N >= 0, schools >= 1, choices >= 1");
        }
        if (Mechanism.fromWire(mechanism) == null) {
            throw new InvalidInputException("--mechanism: unknown mechanism " + mechanism);
        }
        if (TieBreak.fromWire(tieBreak) == null) {
            throw new InvalidInputException("--tie-break: unknown tie-break " + tieBreak);
        }
        InstanceGenerator.Spec spec = new InstanceGenerator.Spec(students, schools, choices, mechanism, tieBreak, genSeed);
        AllocateCommand.writeAtomically(out, o -> {
            InstanceJsonSink sink = new InstanceJsonSink(o);
            InstanceGenerator.generate(spec, sink);
            sink.finish();
            return null;
        });
        msg.println("wrote " + out + ": " + students + " students, " + schools + " schools, " + choices
                + " choices each");
        return EngineCli.OK;
    }
}
