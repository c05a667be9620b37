package org.xuewei.platform.admission;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Test data builder: candidates and schools of one district season (360102, 2027, grade 1). */
public final class Season {

    public static final String DISTRICT = "360102";
    public static final int YEAR = 2027;
    public static final int GRADE = 1;
    /** 东湖区 near 八一广场. */
    public static final double LAT = 28.680;
    public static final double LON = 115.900;

    final List<AdmissionCandidate> candidates = new ArrayList<>();
    final List<AdmissionSchool> schools = new ArrayList<>();

    public Season school(String code, int seats, double northKm) {
        schools.add(new AdmissionSchool(code, "学校" + code, false, LAT + northKm / 111.0, LON, seats,
                Math.max(1, (seats + 44) / 45), 45));
        return this;
    }

    public Season school(AdmissionSchool s) {
        schools.add(s);
        return this;
    }

    public Season privateSchool(String code, int seats) {
        schools.add(new AdmissionSchool(code, "民办" + code, true, LAT, LON + 0.05, seats, 1, 45));
        return this;
    }

    public Season child(String no, int category, String... zone) {
        return add(new AdmissionCandidate(no, DISTRICT, YEAR, GRADE, category, null, null, List.of(zone), null, null,
                LAT, LON, null, true));
    }

    public Season add(AdmissionCandidate c) {
        candidates.add(c);
        return this;
    }

    public static AdmissionCandidate candidate(String no, int category, BigDecimal points, LocalDate hukou,
                                               List<String> zone, String priv, String group, String preferential,
                                               boolean verified) {
        return new AdmissionCandidate(no, DISTRICT, YEAR, GRADE, category, points, hukou, zone, priv, group, LAT, LON,
                preferential, verified);
    }

    public List<AdmissionCandidate> candidates() {
        return List.copyOf(candidates);
    }

    public List<AdmissionSchool> schools() {
        return List.copyOf(schools);
    }
}
