package org.xuewei.platform.registry;

import org.xuewei.platform.identity.PersonalData;
import org.xuewei.platform.policy.Grade;
import org.xuewei.platform.policy.RegistrySource;

import java.time.LocalDate;

/**
 * A child of the signed-in guardian who is of enrollment age this season (适龄儿童).
 *
 * @param source where the child was found: {@link RegistrySource#HUKOU} (in the guardian's household) or
 *               {@link RegistrySource#BIRTH} (出生医学证明 naming the guardian as mother or father, e.g. 随迁子女 whose
 *               户籍 is outside the city)
 */
public record EnrollableChild(String idNumber, String name, LocalDate birthDate, Grade grade, RegistrySource source) {

    public EnrollableChild {
        source = source == null ? RegistrySource.HUKOU : source;
    }

    public EnrollableChild(String idNumber, String name, LocalDate birthDate, Grade grade) {
        this(idNumber, name, birthDate, grade, RegistrySource.HUKOU);
    }

    @Override
    public String toString() {
        return "EnrollableChild[" + PersonalData.mask(idNumber) + ", " + grade + ", " + source + "]";
    }
}
