package org.xuewei.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.xuewei.engine.Allocation;
import org.xuewei.engine.Hex;
import org.xuewei.engine.Instance;
import org.xuewei.engine.Sha256;

/**
 * Writes a result file ({@code xuewei-allocation-result/1}, docs/lottery.md §5) in the one exact
 * layout documented in docs/lottery.md: a header line, one line per assignment sorted by student
 * id, a closing line with {@code resultSha256}, every line ending in LF, ASCII only:
 * <pre>
 * {"format":"xuewei-allocation-result/1","inputSha256":"…","seed":"…","assignments":[
 * {"student":"A0001","school":"S01","choice":1},
 * {"student":"A0002","school":null,"choice":null}
 * ],"resultSha256":"…"}
 * </pre>
 * Ids are restricted to {@code [A-Za-z0-9_-]}, so nothing needs escaping.
 */
public final class ResultWriter {
    public static final String FORMAT = "xuewei-allocation-result/1";

    private ResultWriter() {
    }

    /** Writes the result and returns its {@code resultSha256}. The stream is not closed. */
    public static String write(Allocation allocation, String inputSha256, OutputStream out) throws IOException {
        Instance inst = allocation.instance();
        MessageDigest lines = Sha256.newDigest();
        byte[] buf = new byte[1 << 16];
        int len = 0;
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"format\":\"").append(FORMAT).append("\",\"inputSha256\":\"").append(inputSha256)
                .append("\",\"seed\":\"").append(Hex.of(allocation.seed())).append("\",\"assignments\":[\n");
        out.write(ascii(sb));
        int n = inst.studentCount();
        byte[] line = new byte[256];
        for (int k = 0; k < n; k++) {
            int i = inst.studentByIdOrder(k);
            String id = inst.studentId(i);
            String school = allocation.schoolIdOf(i);
            sb.setLength(0);
            sb.append(id).append(',');
            if (school != null) {
                sb.append(school);
            }
            sb.append('\n');
            int l = put(sb, line);
            lines.update(line, 0, l);

            sb.setLength(0);
            sb.append("{\"student\":\"").append(id).append("\",\"school\":");
            if (school == null) {
                sb.append("null,\"choice\":null}");
            } else {
                sb.append('"').append(school).append("\",\"choice\":").append(allocation.choiceOf(i)).append('}');
            }
            if (k < n - 1) {
                sb.append(',');
            }
            sb.append('\n');
            if (len + sb.length() > buf.length) {
                out.write(buf, 0, len);
                len = 0;
            }
            for (int c = 0; c < sb.length(); c++) {
                buf[len++] = (byte) sb.charAt(c);
            }
        }
        out.write(buf, 0, len);
        String digest = Hex.of(lines.digest());
        sb.setLength(0);
        sb.append("],\"resultSha256\":\"").append(digest).append("\"}\n");
        out.write(ascii(sb));
        return digest;
    }

    private static int put(StringBuilder sb, byte[] dst) {
        for (int c = 0; c < sb.length(); c++) {
            dst[c] = (byte) sb.charAt(c);
        }
        return sb.length();
    }

    private static byte[] ascii(StringBuilder sb) {
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
