package org.xuewei.exchange.idp;

import java.io.Serializable;
import java.security.Principal;

/** A resident logged in with real name (实名): pseudonymous subject, name, ID number (released only with scope idcard). */
public record CityUser(String subject, String name, String idNumber, String phone) implements Principal, Serializable {

    @Override
    public String getName() {
        return subject;
    }

    @Override
    public String toString() {
        return "CityUser[" + subject + "]";
    }
}
