package org.xuewei.platform.admission.store;

import org.xuewei.platform.admission.allocation.AllocationInput;
import org.xuewei.platform.admission.allocation.Summary;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON of the frozen allocation input (the draw's snapshot) and of run summaries. */
public final class Snapshots {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Snapshots() {
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static AllocationInput input(String json) {
        return JSON.readValue(json, AllocationInput.class);
    }

    public static Summary summary(String json) {
        return JSON.readValue(json, Summary.class);
    }
}
