package org.xuewei.platform.application.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU seconds used by the processes of this machine, grouped: this JVM, the exchange's JVM, each PostgreSQL server
 * (by its data directory, its backends counted with it), and everything else. Linux only (reads /proc; elsewhere
 * empty). For load runs: the difference of two snapshots says what each part cost.
 */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    public static Map<String, Double> snapshot() {
        Map<Long, String[]> stats = new HashMap<>();
        Map<Long, String> commands = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    long pid = Long.parseLong(p.getFileName().toString());
                    stats.put(pid, stat.substring(stat.lastIndexOf(')') + 2).split(" "));
                    commands.put(pid, Files.readString(p.resolve("cmdline")).replace('\0', ' '));
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        long self = ProcessHandle.current().pid();
        Map<String, Double> seconds = new TreeMap<>();
        stats.forEach((pid, f) -> {
            // fields after the command: state ppid ... utime (12th) stime (13th), in clock ticks (1/100 s)
            double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
            seconds.merge(group(pid, self, stats, commands), cpu, Double::sum);
        });
        return seconds;
    }

    private static String group(long pid, long self, Map<Long, String[]> stats, Map<Long, String> commands) {
        if (pid == self) {
            return "platform (this JVM)";
        }
        String cmd = commands.getOrDefault(pid, "");
        if (cmd.contains("xuewei-exchange")) {
            return "exchange JVM";
        }
        String postmaster = cmd.contains(" -D ") ? cmd : commands.getOrDefault(Long.parseLong(stats.get(pid)[1]), "");
        if (cmd.startsWith("postgres") || cmd.contains("/bin/postgres")) {
            int d = postmaster.indexOf(" -D ");
            return "PostgreSQL " + (d < 0 ? "?" : postmaster.substring(d + 4).split(" ")[0]);
        }
        return "other";
    }

    /** CPU seconds of this JVM's live threads, grouped by name with digits folded ({@code registry-N}). */
    static Map<String, Double> threads() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Double> seconds = new TreeMap<>();
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null) {
                long cpu = mx.getThreadCpuTime(t.getThreadId());
                if (cpu > 0) {
                    seconds.merge(t.getThreadName().replaceAll("\\d+", "N"), cpu / 1e9, Double::sum);
                }
            }
        }
        return seconds;
    }

    /**
     * CPU seconds of this JVM's own (non-Java) threads from {@code /proc/self/task}: the JIT compilers and the garbage
     * collector, which {@link #threads()} cannot see; empty where there is no /proc.
     */
    static Map<String, Double> jvmThreads() {
        Map<String, Double> seconds = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> {
                try {
                    String comm = Files.readString(t.resolve("comm")).strip();
                    String stat = Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                    String group = comm.matches("C[12] CompilerThre.*") ? "JIT compiler threads"
                            : comm.startsWith("GC Thread") || comm.startsWith("G1 ") ? "garbage collector threads" : null;
                    if (group != null) {
                        seconds.merge(group, cpu, Double::sum);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException noProc) {
            return seconds;
        }
        return seconds;
    }

    public static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> d = new TreeMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0.0)));
        return d;
    }
}
