package org.xuewei.engine.gen;

import java.io.OutputStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import org.xuewei.engine.Instance;
import org.xuewei.engine.InstanceBuilder.Choice;

/**
 * Streams a generated instance to JSON with Jackson's generator, one student per line. Groups are
 * written last; call {@link #finish()} at the end.
 */
public final class InstanceJsonSink implements InstanceGenerator.Sink {
    private final JsonGenerator g;
    private final StringBuilder groups = new StringBuilder();
    private boolean inSchools;
    private boolean inStudents;
    private int groupCount;

    public InstanceJsonSink(OutputStream out) {
        this.g = JsonFactory.builder().build().createGenerator(ObjectWriteContext.empty(), out);
    }

    @Override
    public void header(String mechanism, String tieBreak, String seedHex) {
        g.writeStartObject();
        g.writeStringProperty("format", Instance.FORMAT);
        g.writeStringProperty("mechanism", mechanism);
        g.writeStringProperty("tieBreak", tieBreak);
        g.writeStringProperty("seed", seedHex);
    }

    @Override
    public void school(String id, int capacity) {
        if (!inSchools) {
            g.writeName("schools");
            g.writeStartArray();
            inSchools = true;
        }
        g.writeRaw('\n');
        g.writeStartObject();
        g.writeStringProperty("id", id);
        g.writeNumberProperty("capacity", capacity);
        g.writeEndObject();
    }

    @Override
    public void student(String id, List<Choice> choices) {
        if (inSchools) {
            g.writeEndArray();
            inSchools = false;
        }
        if (!inStudents) {
            g.writeName("students");
            g.writeStartArray();
            inStudents = true;
        }
        g.writeRaw('\n');
        g.writeStartObject();
        g.writeStringProperty("id", id);
        g.writeName("choices");
        g.writeStartArray();
        for (Choice c : choices) {
            g.writeStartObject();
            g.writeStringProperty("school", c.school());
            g.writeNumberProperty("tier", c.tier());
            if (c.pointsText() != null) {
                g.writeName("points");
                g.writeNumber(c.pointsText());
            } else if (c.points() != null) {
                g.writeName("points");
                g.writeNumber(c.points());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    @Override
    public void group(List<String> members) {
        groups.append(groupCount++ == 0 ? "" : ",").append("\n[");
        for (int k = 0; k < members.size(); k++) {
            groups.append(k == 0 ? "" : ",").append('"').append(members.get(k)).append('"');
        }
        groups.append(']');
    }

    /** Closes the arrays and the object and flushes; the stream stays open. */
    public void finish() {
        if (inSchools) {
            g.writeEndArray();
        }
        if (inStudents) {
            g.writeEndArray();
        }
        g.writeName("groups");
        g.writeRawValue("[" + groups + "]");
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }
}
