package org.xuewei.platform.admission;

import java.util.List;

/**
 * Port: a district's schools with their plan (seats, classes) and location for a season and grade.
 * To be implemented over the catalog module's schools and enrollment plans.
 */
public interface SchoolSeats {

    List<AdmissionSchool> of(String districtCode, int season, int grade);
}
