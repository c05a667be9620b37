package org.xuewei.platform.registry;

import org.xuewei.platform.identity.PersonalData;
import org.xuewei.platform.policy.Grade;

import java.time.LocalDate;

/** A child of the signed-in guardian's household who is of enrollment age this season (适龄儿童). */
public record EnrollableChild(String idNumber, String name, LocalDate birthDate, Grade grade) {
    @Override
    public String toString() {
        return "EnrollableChild[" + PersonalData.mask(idNumber) + ", " + grade + "]";
    }
}
