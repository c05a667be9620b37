package org.xuewei.engine.cli;

import java.io.PrintWriter;
import org.xuewei.engine.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar xuewei-engine.jar <allocate|verify|seed|generate> …}. Exit codes: 0 success;
 * 1 {@code verify} found the result wrong; 2 bad input or usage; 3 an internal error.
 */
@Command(name = "xuewei", mixinStandardHelpOptions = true, version = "xuewei-engine 0.1.0",
        description = "Seat allocation (派位) and its replayable lottery, as docs/lottery.md specifies.",
        subcommands = {AllocateCommand.class, VerifyCommand.class, SeedCommand.class, GenerateCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:verify: the result is wrong", "2:bad input or usage", "3:internal error"})
public final class EngineCli implements Runnable {
    public static final int OK = 0;
    public static final int WRONG = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI in-process (for tests and the platform) and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new EngineCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof InvalidInputException) {
                line.getErr().println("error: " + e.getMessage());
                return BAD_INPUT;
            }
            line.getErr().println("internal error: " + e);
            e.printStackTrace(line.getErr());
            return INTERNAL;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a subcommand: allocate, verify, seed or generate");
    }
}
