package org.xuewei.engine.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.xuewei.engine.Allocation;
import org.xuewei.engine.Engine;
import org.xuewei.engine.Hex;
import org.xuewei.engine.Instance;
import org.xuewei.engine.InvalidInputException;
import org.xuewei.engine.io.InstanceReader;
import org.xuewei.engine.io.ResultWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code allocate --in instance.json --out result.json [--seed HEX]}. */
@Command(name = "allocate", mixinStandardHelpOptions = true,
        description = {"Runs the draw of an instance file and writes the result file.",
            "With --generate N it instead writes a synthetic instance to --out (see 'generate')."})
final class AllocateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--in", paramLabel = "INSTANCE", description = "instance file (xuewei-allocation/1)")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the result")
    Path out;

    @Option(names = "--seed", paramLabel = "HEX",
            description = "the draw's seed (64 lowercase hex digits) when the instance has none")
    String seed;

    @Option(names = "--timings", description = "print the time of each phase to standard error")
    boolean timings;

    @Option(names = "--generate", paramLabel = "N", description = "write a synthetic instance of N students instead")
    Integer generate;

    @Option(names = "--schools", defaultValue = "400", description = "with --generate: schools (default ${DEFAULT-VALUE})")
    int schools;

    @Option(names = "--choices", defaultValue = "5", description = "with --generate: choices each (default ${DEFAULT-VALUE})")
    int choices;

    @Option(names = "--gen-seed", defaultValue = "1", description = "with --generate: which city (default ${DEFAULT-VALUE})")
    long genSeed;

    @Override
    public Integer call() throws IOException {
        if (generate != null) {
            return GenerateCommand.generate(generate, schools, choices, "deferred-acceptance", "single", genSeed, out,
                    spec.commandLine().getOut());
        }
        if (in == null) {
            throw new InvalidInputException("--in: missing (the instance file to allocate)");
        }
        long t0 = System.nanoTime();
        InstanceReader.Read read = InstanceReader.read(in);
        long t1 = System.nanoTime();
        Instance inst = read.instance();
        byte[] drawSeed = inst.seed();
        if (seed != null) {
            if (!Hex.isDigest(seed)) {
                throw new InvalidInputException("--seed: must be 64 lowercase hex digits (32 bytes)");
            }
            if (drawSeed != null && !Hex.of(drawSeed).equals(seed)) {
                throw new InvalidInputException("seed: the instance already has seed " + Hex.of(drawSeed)
                        + "; --seed gives a different one");
            }
            drawSeed = Hex.parseDigest(seed);
        }
        if (drawSeed == null) {
            throw new InvalidInputException("seed: the instance has no seed; give --seed HEX");
        }
        Allocation allocation = Engine.allocate(inst, drawSeed);
        long t2 = System.nanoTime();
        String digest = writeAtomically(out, o -> ResultWriter.write(allocation, read.inputSha256(), o));
        long t3 = System.nanoTime();
        if (timings) {
            spec.commandLine().getErr().printf("timings: read+validate %d ms, keys+allocate %d ms, write %d ms%n",
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        }
        int placed = 0;
        for (int i = 0; i < inst.studentCount(); i++) {
            placed += allocation.schoolOf(i) >= 0 ? 1 : 0;
        }
        spec.commandLine().getOut().println("wrote " + out + ": " + inst.studentCount() + " students, " + placed
                + " placed; resultSha256 " + digest);
        return EngineCli.OK;
    }

    /** Writes to a temporary file beside the target and moves it into place: nothing half-written stays. */
    static <T> T writeAtomically(Path target, Writer<T> writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = dir.resolve(abs.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
        try {
            T value;
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE), 1 << 16)) {
                value = writer.write(o);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return value;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes a file's content. */
    interface Writer<T> {
        T write(OutputStream out) throws IOException;
    }
}
