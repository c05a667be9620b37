package org.xuewei.platform.identity;

/**
 * A parent signed in through the city app. Published synchronously in the sign-in request (never stored as an event,
 * so the phone number is not kept in clear anywhere).
 *
 * @param phoneNumber the {@code phone_number} claim (scope {@code phone}), or null when the parent did not share it
 */
public record ParentSignedIn(Parent parent, String phoneNumber) {

    @Override
    public String toString() {
        return "ParentSignedIn[" + parent + ", phone " + (phoneNumber == null ? "none" : PersonalData.maskPhone(phoneNumber)) + "]";
    }
}
