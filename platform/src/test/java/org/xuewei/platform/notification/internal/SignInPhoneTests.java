package org.xuewei.platform.notification.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.application.ApplicationStatus;
import org.xuewei.platform.application.ApplicationStatusChanged;
import org.xuewei.platform.identity.Parent;
import org.xuewei.platform.identity.ParentSignedIn;
import org.xuewei.platform.identity.PersonalData;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SMS go to the mobile number of the city app's {@code phone_number} claim given at sign-in, kept encrypted and shown
 * masked; a parent who signs in without a phone gets every message in the inbox and no SMS.
 */
@PlatformTest
class SignInPhoneTests {

    static final String GUARDIAN = "360101198806061230";

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    LogFileSmsGateway sms;
    @Autowired
    PersonalData personal;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    UUID statusChange(String recipient) {
        UUID application = UUID.randomUUID();
        tx.executeWithoutResult(s -> events.publishEvent(new ApplicationStatusChanged(application, "P" + System.nanoTime(),
                "360102", recipient, ApplicationStatus.SUBMITTED, ApplicationStatus.VERIFIED, "", "system", Instant.now())));
        dispatcher.dispatch(Instant.now().plusSeconds(3600));
        return application;
    }

    String smsOutcome(UUID application) {
        return jdbc.sql("select outcome from notification.outbox where subject_ref = :a and channel = 'SMS'")
                .param("a", application).query(String.class).single();
    }

    List<String> smsLog() throws Exception {
        return Files.exists(sms.file()) ? Files.readAllLines(sms.file(), StandardCharsets.UTF_8) : List.of();
    }

    @Test
    void sms_follow_the_phone_given_at_sign_in_and_stop_without_one() throws Exception {
        Parent parent = new Parent("n" + GUARDIAN.hashCode(), "家长", GUARDIAN);
        String recipient = personal.lookupHash(GUARDIAN);

        events.publishEvent(new ParentSignedIn(parent, "13900001111"));

        String cipher = jdbc.sql("select phone_cipher from notification.contact where recipient = :r")
                .param("r", recipient).query(String.class).single();
        assertThat(cipher).doesNotContain("13900001111").doesNotContain("0001111");
        UUID first = statusChange(recipient);
        assertThat(smsOutcome(first)).isEqualTo("DELIVERED");
        assertThat(smsLog()).anySatisfy(line -> assertThat(line).contains("1390***1111", "已审核通过"))
                .noneSatisfy(line -> assertThat(line).contains("13900001111"));
        String inbox = mvc.perform(get("/parent/inbox").with(OutboxDeliveryTests.parent(GUARDIAN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains("id=\"sms-phone\"").contains("139****1111").doesNotContain("13900001111");

        // signed in again without sharing a phone: the number is forgotten, the inbox still gets the message
        events.publishEvent(new ParentSignedIn(parent, null));

        assertThat(jdbc.sql("select count(*) from notification.contact where recipient = :r").param("r", recipient)
                .query(Long.class).single()).isZero();
        long smsBefore = smsLog().size();
        UUID second = statusChange(recipient);
        assertThat(smsOutcome(second)).isEqualTo("NO_CONTACT");
        assertThat(smsLog()).hasSize((int) smsBefore);
        mvc.perform(get("/api/v1/parent/inbox").with(OutboxDeliveryTests.parent(GUARDIAN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
        String page = mvc.perform(get("/parent/inbox").param("lang", "en").with(OutboxDeliveryTests.parent(GUARDIAN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"sms-none\"").contains("every notice comes to this inbox only");
    }

    @Test
    void a_claim_that_is_not_a_phone_number_sends_no_sms() {
        String guardian = "360101198907071235";
        Parent parent = new Parent("s" + guardian.hashCode(), "家长", guardian);

        events.publishEvent(new ParentSignedIn(parent, "call me"));

        assertThat(jdbc.sql("select count(*) from notification.contact where recipient = :r")
                .param("r", personal.lookupHash(guardian)).query(Long.class).single()).isZero();
        assertThat(smsOutcome(statusChange(personal.lookupHash(guardian)))).isEqualTo("NO_CONTACT");
    }
}
