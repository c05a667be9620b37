package org.xuewei.engine.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.xuewei.engine.InvalidInputException;
import org.xuewei.engine.SeedCeremony;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code seed --input-sha256 … --secret … --public … [--witness …]… [--commit]} (docs/lottery.md §4). */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {"Computes the draw's seed from the published parts and prints it (64 hex digits).",
            "With --commit, prints instead the commitment SHA-256(secret) to publish before the draw."})
final class SeedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--input-sha256", paramLabel = "HEX", description = "SHA-256 of the instance file")
    String inputSha256;

    @Option(names = "--secret", required = true, description = "the bureau's secret (committed to in advance)")
    String secret;

    @Option(names = "--public", paramLabel = "VALUE", description = "the named public value (e.g. a beacon round)")
    String publicValue;

    @Option(names = "--witness", paramLabel = "VALUE", description = "a value typed by a witness; repeatable, in order")
    List<String> witnesses = new ArrayList<>();

    @Option(names = "--commit", description = "print the commitment SHA-256(UTF-8(secret)) only")
    boolean commit;

    @Override
    public Integer call() {
        if (commit) {
            spec.commandLine().getOut().println(SeedCeremony.commitment(secret));
            return EngineCli.OK;
        }
        if (inputSha256 == null) {
            throw new InvalidInputException("--input-sha256: missing");
        }
        if (publicValue == null) {
            throw new InvalidInputException("--public: missing");
        }
        spec.commandLine().getOut().println(SeedCeremony.seed(inputSha256, secret, publicValue, witnesses));
        return EngineCli.OK;
    }
}
