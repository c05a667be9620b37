package org.xuewei.platform.application.internal;

import org.junit.jupiter.api.Test;
import org.xuewei.platform.application.internal.ApplicationStore.ChildRow;
import org.xuewei.platform.policy.Grade;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A child row kept a moment ago answers only the guardian it was read for, and only for a while. */
class RecentChildrenTests {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-01T08:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    };

    static ChildRow child(UUID id, String guardian) {
        return new ChildRow(id, guardian, "c".repeat(64), "cipher", "小明", LocalDate.of(2020, 3, 1), Grade.G1, 2027, "HUKOU");
    }

    @Test
    void aRowAnswersItsOwnGuardianOnly() {
        RecentChildren recent = new RecentChildren(Duration.ofMinutes(2), clock);
        UUID id = UUID.randomUUID();
        ChildRow row = child(id, "a".repeat(64));
        recent.remember(List.of(row));
        assertThat(recent.get(id, "a".repeat(64))).contains(row);
        assertThat(recent.get(id, "b".repeat(64))).isEmpty();
        assertThat(recent.get(UUID.randomUUID(), "a".repeat(64))).isEmpty();
    }

    @Test
    void pastItsBoundTheOldestRowGoesFirstAndTheNewestStay() {
        RecentChildren recent = new RecentChildren(Duration.ofMinutes(2), clock);
        String guardian = "a".repeat(64);
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < RecentChildren.MAX + 2; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            recent.remember(List.of(child(id, guardian)));
        }
        // the parents between a check and its submission keep their rows when the bound is passed
        assertThat(recent.get(ids.get(ids.size() - 2), guardian)).isPresent();
        assertThat(recent.get(ids.get(ids.size() - 1), guardian)).isPresent();
        assertThat(recent.get(ids.get(2), guardian)).isPresent();
        assertThat(recent.get(ids.get(0), guardian)).isEmpty();
        assertThat(recent.get(ids.get(1), guardian)).isEmpty();
    }

    @Test
    void aRowIsForgottenAfterItsTime() {
        RecentChildren recent = new RecentChildren(Duration.ofMinutes(2), clock);
        UUID id = UUID.randomUUID();
        recent.remember(List.of(child(id, "a".repeat(64))));
        now.set(now.get().plusSeconds(119));
        assertThat(recent.get(id, "a".repeat(64))).isPresent();
        now.set(now.get().plusSeconds(1));
        assertThat(recent.get(id, "a".repeat(64))).isEmpty();
    }

    @Test
    void nothingIsKeptWhenReuseIsOff() {
        RecentChildren recent = new RecentChildren(Duration.ZERO, clock);
        UUID id = UUID.randomUUID();
        recent.remember(List.of(child(id, "a".repeat(64))));
        assertThat(recent.get(id, "a".repeat(64))).isEmpty();
    }
}
