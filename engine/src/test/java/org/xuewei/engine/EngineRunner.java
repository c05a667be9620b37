package org.xuewei.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.xuewei.engine.io.InstanceReader;
import org.xuewei.engine.io.ResultWriter;
import org.xuewei.engine.reference.Model;
import org.xuewei.engine.reference.ModelJson;

/** Runs the engine the way the CLI does (stream in, allocate, stream out), in memory. */
public final class EngineRunner {
    private EngineRunner() {
    }

    public static String resultFile(byte[] instanceJson) {
        try {
            InstanceReader.Read read = InstanceReader.read(new ByteArrayInputStream(instanceJson), "instance");
            Allocation a = Engine.allocate(read.instance());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ResultWriter.write(a, read.inputSha256(), out);
            return out.toString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String resultFile(Model m) {
        return resultFile(ModelJson.write(m));
    }

    /** Student id → school id (unplaced students absent). */
    public static Map<String, String> assignment(Model m) {
        try {
            InstanceReader.Read read = InstanceReader.read(new ByteArrayInputStream(ModelJson.write(m)), "instance");
            Allocation a = Engine.allocate(read.instance());
            Map<String, String> out = new HashMap<>();
            for (int i = 0; i < read.instance().studentCount(); i++) {
                String s = a.schoolIdOf(i);
                if (s != null) {
                    out.put(read.instance().studentId(i), s);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines {@code resultSha256} is computed over, taken back out of a result file. */
    public static String resultSha256(String resultFile) {
        int at = resultFile.lastIndexOf("\"resultSha256\":\"");
        return resultFile.substring(at + 16, at + 80);
    }
}
