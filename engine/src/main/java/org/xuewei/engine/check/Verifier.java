package org.xuewei.engine.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xuewei.engine.Allocation;
import org.xuewei.engine.Hex;
import org.xuewei.engine.Instance;
import org.xuewei.engine.InvalidInputException;
import org.xuewei.engine.Mechanism;
import org.xuewei.engine.Sha256;
import org.xuewei.engine.core.DeferredAcceptance;
import org.xuewei.engine.core.ImmediateAcceptance;
import org.xuewei.engine.core.Prepared;
import org.xuewei.engine.core.Priorities;
import org.xuewei.engine.io.InstanceReader;
import org.xuewei.engine.io.ResultReader;
import org.xuewei.engine.io.ResultWriter;

/**
 * 复核 — verifies a published result: recomputes it from the instance and compares byte for byte,
 * checks both digests, and checks the file's own assignments for feasibility, no wasted seat and no
 * justified envy (deferred acceptance) or round-by-round priority order (immediate acceptance).
 */
public final class Verifier {
    private Verifier() {
    }

    /** The outcome: {@code ok} only when every check holds; {@code line} is the one-line verdict. */
    public record Verdict(boolean ok, String line, List<String> problems) {
    }

    /** @throws InvalidInputException when the instance or the result file cannot be read as such */
    public static Verdict verify(Path instanceFile, Path resultFile) {
        InstanceReader.Read read = InstanceReader.read(instanceFile);
        Instance inst = read.instance();
        ResultReader.Result res = ResultReader.read(resultFile);
        List<String> problems = new ArrayList<>();

        byte[] seed = inst.seed();
        if (seed != null) {
            if (!Hex.of(seed).equals(res.seed())) {
                problems.add("seed: the result's seed is not the instance's seed " + Hex.of(seed));
            }
        } else if (Hex.isDigest(res.seed())) {
            seed = Hex.parseDigest(res.seed());
        } else {
            problems.add("seed: the result's seed is not 64 lowercase hex digits, so nothing can be recomputed");
            return verdict(problems, inst, null);
        }
        if (!read.inputSha256().equals(res.inputSha256())) {
            problems.add("inputSha256: the result names " + res.inputSha256() + " but the instance file's SHA-256 is "
                    + read.inputSha256());
        }
        String ownDigest = linesDigest(res);
        if (!ownDigest.equals(res.resultSha256())) {
            problems.add("resultSha256: the file says " + res.resultSha256() + " but its assignments hash to "
                    + ownDigest);
        }
        Prepared prep = Priorities.prepare(inst, seed);
        int[] claimed = positions(inst, res, problems);
        if (claimed != null) {
            ResultChecks.Report report = ResultChecks.check(inst, prep, claimed);
            problems.addAll(report.problems());
            if (report.count() > report.problems().size()) {
                problems.add("… and " + (report.count() - report.problems().size()) + " more check failures");
            }
        }
        int[] fresh = inst.mechanism() == Mechanism.DEFERRED_ACCEPTANCE
                ? DeferredAcceptance.run(prep) : ImmediateAcceptance.run(prep);
        Allocation recomputed = new Allocation(inst, seed, fresh);
        if (claimed != null && !Arrays.equals(claimed, fresh)) {
            for (int k = 0; k < inst.studentCount(); k++) {
                int i = inst.studentByIdOrder(k);
                if (claimed[i] != fresh[i]) {
                    problems.add("recomputation: student " + inst.studentId(i) + " is placed at "
                            + name(res.schools()[k]) + " in the file but at " + name(recomputed.schoolIdOf(i))
                            + " by a fresh run");
                    break;
                }
            }
        }
        String freshDigest = compareBytes(recomputed, read.inputSha256(), resultFile, problems);
        return verdict(problems, inst, problems.isEmpty() ? freshDigest : null);
    }

    private static Verdict verdict(List<String> problems, Instance inst, String digest) {
        if (problems.isEmpty()) {
            String checks = inst.mechanism() == Mechanism.DEFERRED_ACCEPTANCE
                    ? "feasible, no wasted seat, no justified envy"
                    : "feasible, no wasted seat, every round taken in priority order";
            return new Verdict(true, "OK: identical to a fresh run, byte for byte (resultSha256 " + digest + "); "
                    + inst.studentCount() + " students, " + inst.schoolCount() + " schools; " + checks, List.of());
        }
        String line = "FAIL: " + problems.size() + (problems.size() == 1 ? " problem: " : " problems: ")
                + String.join("; ", problems.subList(0, Math.min(3, problems.size())))
                + (problems.size() > 3 ? "; …" : "");
        return new Verdict(false, line, List.copyOf(problems));
    }

    private static String name(String school) {
        return school == null ? "no school" : "school " + school;
    }

    private static String linesDigest(ResultReader.Result res) {
        MessageDigest md = Sha256.newDigest();
        for (int k = 0; k < res.size(); k++) {
            String school = res.schools()[k];
            md.update((res.students()[k] + "," + (school == null ? "" : school) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return Hex.of(md.digest());
    }

    /** Maps the file's assignments to positions, or null (with a problem) when they do not fit the instance. */
    private static int[] positions(Instance inst, ResultReader.Result res, List<String> problems) {
        int n = inst.studentCount();
        if (res.size() != n) {
            problems.add("assignments: the result lists " + res.size() + " students, the instance has " + n);
            return null;
        }
        int[] pos = new int[n];
        for (int k = 0; k < n; k++) {
            int i = inst.studentByIdOrder(k);
            String id = inst.studentId(i);
            if (!id.equals(res.students()[k])) {
                problems.add("assignments[" + (k + 1) + "].student: expected " + id + " (every student once, sorted by id)"
                        + ", found " + org.xuewei.engine.Ids.quote(res.students()[k]));
                return null;
            }
            String school = res.schools()[k];
            if (school == null) {
                if (res.choices()[k] != 0) {
                    problems.add("student " + id + ": choice: must be null when school is null");
                    return null;
                }
                pos[i] = -1;
                continue;
            }
            int c = -1;
            for (int a = inst.choiceStart(i); a < inst.choiceStart(i) + inst.choiceCount(i); a++) {
                if (inst.schoolId(inst.choiceSchool(a)).equals(school)) {
                    c = a - inst.choiceStart(i);
                }
            }
            if (c < 0) {
                problems.add("not feasible: student " + id + " is placed at school " + school + ", which it did not list");
                return null;
            }
            if (res.choices()[k] != c + 1) {
                problems.add("student " + id + ": choice: school " + school + " is its choice " + (c + 1) + ", the file says "
                        + res.choices()[k]);
                return null;
            }
            pos[i] = c;
        }
        return pos;
    }

    /** Writes the fresh result through a digest and compares it with the file's bytes. */
    private static String compareBytes(Allocation recomputed, String inputSha256, Path resultFile,
                                       List<String> problems) {
        try {
            MessageDigest fresh = Sha256.newDigest();
            String digest;
            try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), fresh)) {
                digest = ResultWriter.write(recomputed, inputSha256, out);
            }
            MessageDigest file = Sha256.newDigest();
            try (InputStream in = Files.newInputStream(resultFile)) {
                byte[] buf = new byte[1 << 16];
                int r;
                while ((r = in.read(buf)) > 0) {
                    file.update(buf, 0, r);
                }
            }
            if (!Arrays.equals(fresh.digest(), file.digest()) && problems.isEmpty()) {
                problems.add("bytes: the file's assignments are right but its text differs from the canonical layout"
                        + " of docs/lottery.md (a fresh run's resultSha256 is " + digest + ")");
            }
            return digest;
        } catch (IOException e) {
            throw new InvalidInputException(resultFile + ": cannot read: " + e.getMessage(), e);
        }
    }
}
