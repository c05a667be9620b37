package org.xuewei.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xuewei.engine.reference.Model;
import org.xuewei.engine.reference.ModelJson;
import org.xuewei.engine.reference.Models;

/** The public replay script (scripts/replay_lottery.py) reproduces the CLI's result files byte for byte. */
class PythonReplayTests {
    private static final Path SCRIPT = Path.of("..", "scripts", "replay_lottery.py").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @BeforeAll
    static void needsPython() {
        Assumptions.assumeTrue(Files.exists(SCRIPT), "replay script not found at " + SCRIPT);
        Assumptions.assumeTrue(python(List.of("python3", "--version"), Path.of(".")).code == 0, "python3 not on PATH");
    }

    record Proc(int code, String out) {
    }

    static Proc python(List<String> command, Path workDir) {
        try {
            Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Proc(-1, out);
            }
            return new Proc(p.exitValue(), out);
        } catch (IOException e) {
            return new Proc(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Proc(-1, e.toString());
        }
    }

    private void replays(Path instance, String... extra) {
        Path result = dir.resolve(instance.getFileName() + ".result.json");
        String[] args = new String[] {"allocate", "--in", instance.toString(), "--out", result.toString()};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        CliTests.Run run = CliTests.cli(all);
        assertThat(run.code()).as(run.err()).isZero();
        List<String> cmd = new java.util.ArrayList<>(List.of("python3", SCRIPT.toString(), instance.toString(),
                "--check", result.toString()));
        if (extra.length == 2) {
            cmd.addAll(List.of("--seed", extra[1]));
        }
        Proc p = python(cmd, dir);
        assertThat(p.code()).as(p.out()).isZero();
        assertThat(p.out()).contains("IDENTICAL").contains(run.out().substring(run.out().indexOf("resultSha256")).strip());
    }

    @Test
    void randomInstancesOfEveryKind() throws IOException {
        Random r = new Random(7);
        for (int k = 0; k < 25; k++) {
            Model m = Models.random(r, Models.Shape.small().size(6, 4, 30));
            Path in = dir.resolve("random-" + k + ".json");
            Files.write(in, ModelJson.write(m, new Random(k)));
            replays(in);
        }
    }

    @Test
    void generatedInstanceWithTwins() {
        Path in = dir.resolve("generated.json");
        assertThat(CliTests.cli("generate", "-n", "3000", "--schools", "25", "--out", in.toString()).code()).isZero();
        replays(in);
        Path ia = dir.resolve("generated-ia.json");
        assertThat(CliTests.cli("generate", "-n", "3000", "--schools", "25", "--mechanism", "immediate-acceptance",
                "--tie-break", "multiple", "--out", ia.toString()).code()).isZero();
        replays(ia);
    }

    @Test
    void seedGivenAtTheDraw() throws IOException {
        Path in = dir.resolve("unseeded.json");
        Files.writeString(in, CliTests.INSTANCE.replace("\"seed\":\"" + CliTests.SEED + "\",", ""));
        replays(in, "--seed", "ab".repeat(32));
    }
}
