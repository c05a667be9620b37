package org.xuewei.platform.identity.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

    MutableClock clock = new MutableClock(Instant.parse("2026-07-15T01:00:00Z"));
    LoginThrottle throttle = new LoginThrottle(new LoginProperties(3, 10, Duration.ofMinutes(15)), clock);

    @Test
    void blocks_a_username_and_address_after_the_allowed_failures_until_the_window_passes() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blocked("Admin", "10.0.0.1")).isFalse();
            throttle.failed("admin", "10.0.0.1");
        }
        assertThat(throttle.blocked("admin", "10.0.0.1")).isTrue();
        assertThat(throttle.blocked("admin", "10.0.0.2")).isFalse();
        assertThat(throttle.blocked("other", "10.0.0.1")).isFalse();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle.blocked("admin", "10.0.0.1")).isFalse();
    }

    @Test
    void blocks_an_address_that_tries_many_usernames() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("user-" + i, "10.0.0.9");
        }
        assertThat(throttle.blocked("someone-new", "10.0.0.9")).isTrue();
    }

    @Test
    void a_success_clears_the_failures_of_that_username() {
        throttle.failed("admin", "10.0.0.1");
        throttle.failed("admin", "10.0.0.1");
        throttle.succeeded("admin", "10.0.0.1");
        throttle.failed("admin", "10.0.0.1");
        throttle.failed("admin", "10.0.0.1");
        assertThat(throttle.blocked("admin", "10.0.0.1")).isFalse();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
