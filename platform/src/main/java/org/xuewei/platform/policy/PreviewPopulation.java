package org.xuewei.platform.policy;

import java.util.List;

/**
 * 预览人群 — whom a policy preview evaluates: the current applicants of a district and season, with their facts and
 * the school each applied to. The {@code application} module provides this as a Spring bean once it holds
 * applications; while no bean returns anyone, the console previews against a deterministic synthetic population
 * (labelled as such on the page).
 */
public interface PreviewPopulation {

    /**
     * The applicants of a district's season (for the city default, {@code districtCode} is {@code null}: every
     * district). Empty when there are none yet.
     */
    List<Applicant> applicants(String districtCode, int season);
}
