package org.xuewei.platform.admission;

import java.util.List;

/**
 * Port: the applications of a district's season and grade, verified or not. Implemented by the
 * application module; when no bean implements it, the console says no verified application exists yet.
 */
public interface AdmissionCandidates {

    List<AdmissionCandidate> of(String districtCode, int season, int grade);
}
