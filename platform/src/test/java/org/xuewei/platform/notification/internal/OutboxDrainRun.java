package org.xuewei.platform.notification.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.application.integration.ProcessCpu;
import org.xuewei.platform.identity.PersonalData;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test of the normal build (the name matches no surefire pattern, and it needs
 * {@code -Dxuewei.outbox-drain.run=true}): the harness behind {@code scripts/load/outbox-drain.sh}. Fills the outbox
 * of the embedded database with {@code xuewei.outbox-drain.messages} messages (half inbox, half SMS to parents with a
 * phone, as submissions make them) and times the dispatcher draining it, called again and again on this thread as
 * the schedule would; untimed first, {@code xuewei.outbox-drain.warm-up} messages the same way. Writes messages per
 * second and CPU per message (this thread, this JVM, the PostgreSQL server) to
 * {@code platform/target/load/outbox-drain.txt}.
 */
@PlatformTest
@EnabledIfSystemProperty(named = "xuewei.outbox-drain.run", matches = "true")
class OutboxDrainRun {

    @Autowired Dispatcher dispatcher;
    @Autowired NotificationStore store;
    @Autowired PersonalData personal;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void drain_the_outbox() throws Exception {
        int messages = Integer.getInteger("xuewei.outbox-drain.messages", 20_000);
        int warmUp = Integer.getInteger("xuewei.outbox-drain.warm-up", 10_000);
        // the scheduled dispatcher's first round (5 s after the start; the schedule is set to hours) is over before
        // the outbox is filled, so this thread alone drains it
        Thread.sleep(6_000);

        fill(warmUp, "w");
        drain(warmUp);

        fill(messages, "t");
        var threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> processes0 = ProcessCpu.snapshot();
        long thread0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int calls = drain(messages);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double threadSeconds = (threads.getCurrentThreadCpuTime() - thread0) / 1e9;
        Map<String, Double> processes = ProcessCpu.minus(ProcessCpu.snapshot(), processes0);

        assertThat(jdbc.sql("select count(*) from notification.outbox where delivered_at is null").query(Long.class).single())
                .as("drained").isZero();
        String commits = jdbc.sql("select string_agg(name || '=' || setting, ', ' order by name) from pg_settings"
                + " where name in ('fsync', 'synchronous_commit')").query(String.class).single();
        StringBuilder cpu = new StringBuilder(String.format(Locale.ROOT,
                "  the dispatching thread %7.2f s = %.3f ms per message%n", threadSeconds, threadSeconds * 1000 / messages));
        processes.forEach((k, v) -> {
            if (v >= 0.01) {
                cpu.append(String.format(Locale.ROOT, "  %-60s %7.2f s = %.3f ms per message%n", k, v, v * 1000 / messages));
            }
        });
        String report = String.format(Locale.ROOT, """
                        outbox drain: %d messages (half inbox, half SMS) after %d untimed
                        platform database: %s
                        drained in %.2f s = %.0f messages/s, %d dispatch calls
                        CPU while draining:
                        %s""", messages, warmUp, commits, seconds, messages / seconds, calls, cpu);
        Path out = Path.of("target", "load", "outbox-drain.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** Calls the dispatcher until the outbox is empty; returns the calls it took. */
    private int drain(int expected) {
        int calls = 0;
        long delivered = 0;
        while (delivered < expected && calls < expected) {
            delivered += dispatcher.dispatch(clock.instant());
            calls++;
        }
        return calls;
    }

    /** {@code n} messages, two per parent (inbox, SMS), each parent with a phone (encrypted, as kept). */
    private void fill(int n, String prefix) {
        Instant at = clock.instant().minusSeconds(1);
        List<NotificationStore.Message> all = new ArrayList<>(n);
        List<String> recipients = new ArrayList<>(n / 2);
        List<String> ciphers = new ArrayList<>(n / 2);
        for (int i = 0; i < n / 2; i++) {
            String recipient = recipient(prefix + i);
            recipients.add(recipient);
            ciphers.add(personal.encrypt("139" + String.format(Locale.ROOT, "%08d", i)));
            UUID application = UUID.randomUUID();
            for (Channel channel : Channel.values()) {
                all.add(new NotificationStore.Message(UUID.randomUUID(), channel, recipient, application,
                        "notification.status.SUBMITTED", List.of("N" + prefix + i), "", at));
            }
        }
        jdbc.sql("""
                        insert into notification.contact (recipient, phone_cipher, updated_at)
                        select r, c, now() from unnest(:recipients, :ciphers) as x(r, c)
                        on conflict (recipient) do nothing""")
                .param("recipients", recipients.toArray(String[]::new)).param("ciphers", ciphers.toArray(String[]::new))
                .update();
        store.enqueueAll(all);
    }

    private static String recipient(String seed) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(seed.getBytes());
            return HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
