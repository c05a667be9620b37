package org.xuewei.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelationTests {

    @Test
    void aRelationsNameReadsAsItsChineseLabel_anyOtherSubjectAsItself() {
        assertThat(Relation.labelOf("FATHER")).isEqualTo("父亲");
        assertThat(Relation.labelOf("CHILD")).isEqualTo("本人");
        assertThat(Relation.labelOf("household")).isEqualTo("household");
        assertThat(Relation.labelOf("")).isEmpty();
    }
}
