package org.xuewei.platform.admission.allocation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Writes an instance file (LOTTERY.md §1) without a seed: one school, student or group per line. */
final class InstanceJson {

    private InstanceJson() {
    }

    static String write(Map<String, Integer> capacities, Map<String, List<AllocationPlanner.Choice>> students,
                        List<List<String>> groups) {
        StringBuilder sb = new StringBuilder(64 + students.size() * 80);
        sb.append("{\"format\":\"xuewei-allocation/1\",\"mechanism\":\"deferred-acceptance\",\"tieBreak\":\"single\",\n");
        sb.append("\"schools\":[");
        String sep = "\n";
        for (Map.Entry<String, Integer> s : capacities.entrySet()) {
            sb.append(sep).append("{\"id\":\"").append(s.getKey()).append("\",\"capacity\":").append(s.getValue())
                    .append('}');
            sep = ",\n";
        }
        sb.append("\n],\n\"students\":[");
        sep = "\n";
        for (Map.Entry<String, List<AllocationPlanner.Choice>> st : students.entrySet()) {
            sb.append(sep).append("{\"id\":\"").append(st.getKey()).append("\",\"choices\":[");
            String csep = "";
            for (AllocationPlanner.Choice c : st.getValue()) {
                sb.append(csep).append("{\"school\":\"").append(c.school()).append("\",\"tier\":").append(c.tier());
                if (c.points().signum() != 0) {
                    sb.append(",\"points\":").append(plain(c.points()));
                }
                sb.append('}');
                csep = ",";
            }
            sb.append("]}");
            sep = ",\n";
        }
        sb.append("\n]");
        if (!groups.isEmpty()) {
            sb.append(",\n\"groups\":[");
            sep = "\n";
            for (List<String> g : groups) {
                sb.append(sep).append('[');
                for (int i = 0; i < g.size(); i++) {
                    sb.append(i == 0 ? "" : ",").append('"').append(g.get(i)).append('"');
                }
                sb.append(']');
                sep = ",\n";
            }
            sb.append("\n]");
        }
        sb.append("}\n");
        return sb.toString();
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
