package org.xuewei.platform.policy.cel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xuewei.platform.policy.ChildFacts;
import org.xuewei.platform.policy.HukouFact;
import org.xuewei.platform.policy.Relation;
import org.xuewei.platform.policy.SourceRef;

/** Which registry records stand behind each CEL variable, so an explanation can cite them. */
final class Sources {

    private Sources() {
    }

    static Map<String, List<SourceRef>> of(ChildFacts f) {
        Map<String, List<SourceRef>> m = new HashMap<>();
        List<SourceRef> child = new ArrayList<>();
        f.hukouOf(Relation.CHILD).ifPresent(h -> child.add(h.source()));
        if (f.schooling() != null) {
            child.add(f.schooling().source());
        }
        m.put("child", child);
        m.put("hukou", f.hukouOf(Relation.CHILD).map(h -> List.of(h.source())).orElse(List.of()));
        m.put("parentHukous", f.hukous().stream().filter(h -> h.holder().isParent()).map(HukouFact::source).toList());
        List<SourceRef> homes = new ArrayList<>();
        f.properties().forEach(p -> homes.add(p.source()));
        f.contracts().forEach(c -> homes.add(c.source()));
        m.put("homes", homes);
        m.put("rentals", f.rentals().stream().map(r -> r.source()).toList());
        m.put("permits", f.permits().stream().map(r -> r.source()).toList());
        m.put("insurance", f.insurance().stream().map(r -> r.source()).toList());
        m.put("marital", f.maritalEvents().stream().map(r -> r.source()).toList());
        m.put("preferential", f.preferential().stream().map(r -> r.source()).toList());
        return m;
    }
}
