package org.xuewei.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xuewei.engine.cli.EngineCli;

/** The auditors' command line: results, verdicts and exit codes. */
class CliTests {
    static final String SEED = "5f0c" + "0".repeat(60);
    static final String INSTANCE = """
            {"format":"xuewei-allocation/1","mechanism":"deferred-acceptance","tieBreak":"single",
             "seed":"%s",
             "schools":[{"id":"S01","capacity":1},{"id":"S02","capacity":2}],
             "students":[
               {"id":"A0001","choices":[{"school":"S01","tier":1,"points":12.5},{"school":"S02","tier":3}]},
               {"id":"A0002","choices":[{"school":"S01","tier":1,"points":12.50}]},
               {"id":"A0003","choices":[{"school":"S01","tier":0}]},
               {"id":"A0004","choices":[]}
             ]}
            """.formatted(SEED);

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EngineCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void allocateThenVerify() throws IOException {
        Path in = file("instance.json", INSTANCE);
        Path out = dir.resolve("result.json");
        Run a = cli("allocate", "--in", in.toString(), "--out", out.toString());
        assertThat(a.code()).as(a.err()).isEqualTo(0);
        String result = Files.readString(out);
        assertThat(result).startsWith("{\"format\":\"xuewei-allocation-result/1\",\"inputSha256\":\""
                + ReferenceSha.of(Files.readAllBytes(in)) + "\",\"seed\":\"" + SEED + "\",\"assignments\":[\n");
        assertThat(result).contains("{\"student\":\"A0003\",\"school\":\"S01\",\"choice\":1},\n")
                .contains("{\"student\":\"A0004\",\"school\":null,\"choice\":null}\n],\"resultSha256\":\"");
        Run v = cli("verify", "--in", in.toString(), "--result", out.toString());
        assertThat(v.code()).isEqualTo(0);
        assertThat(v.out()).startsWith("OK: ").doesNotContain("\n\n");
        assertThat(v.out().strip().lines()).hasSize(1);
    }

    @Test
    void verifyRejectsATamperedResultWithExitCode1() throws IOException {
        Path in = file("instance.json", INSTANCE);
        Path out = dir.resolve("result.json");
        cli("allocate", "--in", in.toString(), "--out", out.toString());
        String good = Files.readString(out);

        Path swapped = file("swapped.json", good.replace("{\"student\":\"A0003\",\"school\":\"S01\",\"choice\":1}",
                "{\"student\":\"A0003\",\"school\":null,\"choice\":null}"));
        Run v = cli("verify", "--in", in.toString(), "--result", swapped.toString());
        assertThat(v.code()).isEqualTo(1);
        assertThat(v.out()).startsWith("FAIL: ").contains("resultSha256").contains("wasted seat");
        assertThat(v.err()).contains("recomputation: student A0003 is placed at no school in the file but at school S01");

        Path reformatted = file("reformatted.json", good.replace("\n", "\r\n"));
        Run f = cli("verify", "--in", in.toString(), "--result", reformatted.toString());
        assertThat(f.code()).isEqualTo(1);
        assertThat(f.out()).contains("canonical layout");

        Path otherInput = file("instance2.json", INSTANCE + " ");
        Run i = cli("verify", "--in", otherInput.toString(), "--result", out.toString());
        assertThat(i.code()).isEqualTo(1);
        assertThat(i.out()).contains("inputSha256");
    }

    @Test
    void verifyFindsJusticedEnvyEvenWhenTheDigestIsRecomputed() throws IOException {
        Path in = file("instance.json", INSTANCE);
        Path out = dir.resolve("result.json");
        cli("allocate", "--in", in.toString(), "--out", out.toString());
        String good = Files.readString(out);
        // Give S01's seat to A0002 instead of A0003 (tier 0 beats tier 1) and fix up the digest.
        String bad = good.replace("{\"student\":\"A0002\",\"school\":null,\"choice\":null}",
                        "{\"student\":\"A0002\",\"school\":\"S01\",\"choice\":1}")
                .replace("{\"student\":\"A0003\",\"school\":\"S01\",\"choice\":1}",
                        "{\"student\":\"A0003\",\"school\":null,\"choice\":null}");
        String lines = "A0001,S02\nA0002,S01\nA0003,\nA0004,\n";
        bad = bad.replaceAll("\"resultSha256\":\"[0-9a-f]{64}\"",
                "\"resultSha256\":\"" + ReferenceSha.of(lines.getBytes(StandardCharsets.UTF_8)) + "\"");
        Path tampered = file("tampered.json", bad);
        Run v = cli("verify", "--in", in.toString(), "--result", tampered.toString());
        assertThat(v.code()).isEqualTo(1);
        assertThat(v.out()).contains("justified envy: student A0003 prefers school S01");
    }

    @Test
    void seedFromTheCommandLineWhenTheInstanceHasNone() throws IOException {
        Path in = file("instance.json", INSTANCE.replace("\"seed\":\"" + SEED + "\",", ""));
        Path out = dir.resolve("result.json");
        assertThat(cli("allocate", "--in", in.toString(), "--out", out.toString()).err()).contains("--seed");
        Run a = cli("allocate", "--in", in.toString(), "--out", out.toString(), "--seed", SEED);
        assertThat(a.code()).isEqualTo(0);
        assertThat(cli("verify", "--in", in.toString(), "--result", out.toString()).code()).isEqualTo(0);
        assertThat(cli("allocate", "--in", in.toString(), "--out", out.toString(), "--seed", "XYZ").code())
                .isEqualTo(2);
    }

    @Test
    void aSeedThatDiffersFromTheInstancesIsRefused() throws IOException {
        Path in = file("instance.json", INSTANCE);
        Run a = cli("allocate", "--in", in.toString(), "--out", dir.resolve("r.json").toString(), "--seed",
                "ff".repeat(32));
        assertThat(a.code()).isEqualTo(2);
        assertThat(a.err()).contains("seed");
    }

    @Test
    void seedCommand() {
        Run s = cli("seed", "--input-sha256", "ab".repeat(32), "--secret", "bureau-secret-2026", "--public",
                "beacon-round-123456", "--witness", "张三", "--witness", "w2");
        assertThat(s.code()).isEqualTo(0);
        assertThat(s.out().strip()).isEqualTo("36eb61e6faeb861a6f60b176d6aa15a42ff044e5f455bad96e17abc3ac965441");
        Run c = cli("seed", "--secret", "bureau-secret-2026", "--commit");
        assertThat(c.out().strip()).isEqualTo("2b247162599208a54d6f4fbe65b458c69a22cc2e9927959f29c7e79ecbe11a92");
        assertThat(cli("seed", "--input-sha256", "xyz", "--secret", "s", "--public", "p").code()).isEqualTo(2);
        assertThat(cli("seed", "--secret", "s").code()).isEqualTo(2);
        assertThat(cli("nonsense").code()).isEqualTo(2);
    }

    @Test
    void generateThenAllocate() {
        Path inst = dir.resolve("big.json");
        Run g = cli("allocate", "--generate", "2000", "--schools", "30", "--choices", "5", "--out", inst.toString());
        assertThat(g.code()).as(g.err()).isEqualTo(0);
        Path out = dir.resolve("big-result.json");
        assertThat(cli("allocate", "--in", inst.toString(), "--out", out.toString()).code()).isEqualTo(0);
        assertThat(cli("verify", "--in", inst.toString(), "--result", out.toString()).code()).isEqualTo(0);
        Path ia = dir.resolve("ia.json");
        assertThat(cli("generate", "-n", "1500", "--schools", "20", "--mechanism", "immediate-acceptance",
                "--tie-break", "multiple", "--out", ia.toString()).code()).isEqualTo(0);
        Path iaOut = dir.resolve("ia-result.json");
        assertThat(cli("allocate", "--in", ia.toString(), "--out", iaOut.toString()).code()).isEqualTo(0);
        assertThat(cli("verify", "--in", ia.toString(), "--result", iaOut.toString()).code()).isEqualTo(0);
    }

    /** SHA-256 hex, computed without the engine. */
    static final class ReferenceSha {
        static String of(byte[] bytes) {
            return org.xuewei.engine.reference.ReferenceLottery.sha256(bytes);
        }
    }
}
