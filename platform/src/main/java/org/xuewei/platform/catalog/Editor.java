package org.xuewei.platform.catalog;

import java.util.Objects;
import java.util.Set;

/**
 * Who changes the catalog, and which districts they may change: the web layer decides it from the
 * signed-in account (a district's administrator: that district; the city administrator: the city or
 * the district whose page is open); the demo import acts for the city.
 *
 * @param actor     the account name written to the audit log
 * @param clientIp  the client's address, or empty
 * @param wholeCity true when every district may be changed
 * @param districts the districts that may be changed when not the whole city
 */
public record Editor(String actor, String clientIp, boolean wholeCity, Set<String> districts) {

    public Editor {
        Objects.requireNonNull(actor, "actor");
        clientIp = clientIp == null ? "" : clientIp;
        districts = Set.copyOf(districts);
    }

    /** May change every district (the city bureau, the demo import). */
    public static Editor city(String actor, String clientIp) {
        return new Editor(actor, clientIp, true, Set.of());
    }

    /** May change one district. */
    public static Editor district(String actor, String clientIp, String districtCode) {
        return new Editor(actor, clientIp, false, Set.of(districtCode));
    }

    public boolean mayEdit(String districtCode) {
        return wholeCity || districts.contains(districtCode);
    }
}
