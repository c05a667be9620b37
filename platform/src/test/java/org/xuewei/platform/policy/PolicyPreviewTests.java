package org.xuewei.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xuewei.platform.policy.Family.*;
import static org.xuewei.platform.policy.Relation.FATHER;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PolicyPreviewTests {

    @Test
    void previewCountsPerSchoolAndCategoryAndListsTheChildrenADraftMoves() {
        PolicyEvaluator city = NanchangUrbanPolicyTests.CITY;
        PolicyEvaluator county = DistrictVariantTests.COUNTY;
        List<Applicant> applicants = new ArrayList<>();
        applicants.add(new Applicant(child("wq").familyHukou(ZONE, FATHER)
                .contract(ZONE, true, d("2024-03-01"), father(100)).build(), SCHOOL, DISTRICT));
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            applicants.add(new Applicant(SyntheticFamilies.family(r, i), SCHOOL, DISTRICT));
        }
        PolicyPreview preview = PolicyPreview.of(city, county, applicants);
        assertThat(preview.applicants()).isEqualTo(301);
        assertThat(preview.changed()).contains(new PolicyPreview.Change("wq", SCHOOL, "-", "C1"));
        int published = preview.counts().get(SCHOOL).values().stream().mapToInt(c -> c[0]).sum();
        int draft = preview.counts().get(SCHOOL).values().stream().mapToInt(c -> c[1]).sum();
        assertThat(published).isEqualTo(draft).isEqualTo(301);
        assertThat(PolicyPreview.of(city, city, applicants).changed()).isEmpty();
    }
}
