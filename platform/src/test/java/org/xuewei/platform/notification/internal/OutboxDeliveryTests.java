package org.xuewei.platform.notification.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.application.ApplicationStatus;
import org.xuewei.platform.application.ApplicationStatusChanged;
import org.xuewei.platform.identity.PersonalData;
import org.xuewei.platform.notification.Notifications;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outbox: written with the change (and rolled back with it), delivered to the inbox and the SMS log, and after a
 * crash between delivery and mark delivered again — which the parent sees once.
 */
@PlatformTest
class OutboxDeliveryTests {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    LogFileSmsGateway sms;
    @Autowired
    Notifications notifications;
    @Autowired
    PersonalData personal;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @AfterEach
    void noCrash() {
        dispatcher.afterDelivery = p -> { };
    }

    static RequestPostProcessor parent(String idNumber) {
        return oidcLogin()
                .idToken(token -> token.subject("n" + idNumber.hashCode()).claim("id_number", idNumber).claim("name", "家长"))
                .authorities(new SimpleGrantedAuthority("ROLE_PARENT"));
    }

    ApplicationStatusChanged change(String guardianId, String message) {
        return new ApplicationStatusChanged(UUID.randomUUID(), "N" + System.nanoTime(), "360102",
                personal.lookupHash(guardianId), ApplicationStatus.IN_REVIEW, ApplicationStatus.SUPPLEMENT_REQUESTED,
                message, "reviewer", Instant.now());
    }

    long smsLines(UUID delivery) throws Exception {
        if (!Files.exists(sms.file())) {
            return 0;
        }
        return Files.readAllLines(sms.file(), StandardCharsets.UTF_8).stream().filter(l -> l.startsWith(delivery + "\t")).count();
    }

    List<UUID> outbox(String recipient, String channel) {
        return jdbc.sql("select id from notification.outbox where recipient = :r and channel = :c")
                .param("r", recipient).param("c", channel).query(UUID.class).list();
    }

    @Test
    void a_rolled_back_change_leaves_no_message() {
        String guardian = "360101198001011234";
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            events.publishEvent(change(guardian, "x"));
            throw new IllegalStateException("decision failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(outbox(personal.lookupHash(guardian), "INBOX")).isEmpty();
    }

    @Test
    void a_crash_between_delivery_and_mark_redelivers_and_the_parent_sees_it_once() throws Exception {
        String guardian = "360101198502025678";
        String recipient = personal.lookupHash(guardian);
        notifications.rememberPhone(recipient, "13812345678");
        tx.executeWithoutResult(s -> events.publishEvent(change(guardian, "请上传租赁合同")));
        UUID inboxDelivery = outbox(recipient, "INBOX").get(0);
        UUID smsDelivery = outbox(recipient, "SMS").get(0);

        // the process dies after delivering each message once, before marking it (whichever thread dispatches)
        java.util.Set<UUID> crashed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        dispatcher.afterDelivery = p -> {
            if (p.recipient().equals(recipient) && crashed.add(p.id())) {
                throw new SimulatedCrash();
            }
        };
        Instant now = Instant.now();
        for (int minute = 0; minute < 10 && crashed.size() < 2; minute += 2) {
            try {
                dispatcher.dispatch(now.plusSeconds(60L * minute));
            } catch (SimulatedCrash expected) {
                // one message delivered, the round aborted before its mark
            }
        }
        AtomicInteger crashes = new AtomicInteger(crashed.size());
        assertThat(crashes.get()).isEqualTo(2);
        assertThat(smsLines(smsDelivery)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notification.inbox where delivery_id = :id").param("id", inboxDelivery)
                .query(Long.class).single()).isEqualTo(1);
        // the second of them, at least, was never marked
        assertThat(jdbc.sql("select count(*) from notification.outbox where recipient = :r and delivered_at is null")
                .param("r", recipient).query(Long.class).single()).isPositive();

        // restarted (the gateway forgets what it held in memory), the lease over: delivered again, marked, seen once
        dispatcher.afterDelivery = p -> { };
        sms.restart();
        dispatcher.dispatch(now.plusSeconds(3600));
        assertThat(jdbc.sql("select count(*) from notification.outbox where recipient = :r and delivered_at is null")
                .param("r", recipient).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select outcome from notification.outbox where id = :id").param("id", smsDelivery)
                .query(String.class).single()).isEqualTo("DUPLICATE");
        assertThat(smsLines(smsDelivery)).isEqualTo(1);
        String line = Files.readAllLines(sms.file(), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith(smsDelivery + "\t")).findFirst().orElseThrow();
        assertThat(line).contains("1381***5678", "需要补充材料", "请上传租赁合同").doesNotContain("13812345678");

        mvc.perform(get("/api/v1/parent/inbox").with(parent(guardian)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].reviewerText").value("请上传租赁合同"));
    }

    @Test
    void the_inbox_page_shows_free_text_as_text() throws Exception {
        String guardian = "360101199003039876";
        tx.executeWithoutResult(s -> events.publishEvent(change(guardian, "<script>alert('inbox')</script>")));
        dispatcher.dispatch(Instant.now().plusSeconds(3600));
        String page = mvc.perform(get("/parent/inbox").with(parent(guardian)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("需要补充材料", "&lt;script&gt;alert(").doesNotContain("<script>alert");
        // no phone known: the SMS is marked as such, not retried forever
        assertThat(jdbc.sql("select outcome from notification.outbox where recipient = :r and channel = 'SMS'")
                .param("r", personal.lookupHash(guardian)).query(String.class).single()).isEqualTo("NO_CONTACT");
    }

    static final class SimulatedCrash extends RuntimeException {
    }
}
