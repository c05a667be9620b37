package org.xuewei.platform.notification.internal;

import org.xuewei.platform.identity.PersonalData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The demo and test gateway: one line per message appended to a log file ({@code ${xuewei.data-dir}/sms.log}) —
 * delivery id, time, the phone masked, the text. De-duplicates by delivery id like a real gateway's client id, reading
 * the file again after a restart.
 */
public class LogFileSmsGateway implements SmsGateway {

    private final Path file;
    private final Clock clock;
    private Set<String> sent;

    public LogFileSmsGateway(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public synchronized boolean send(UUID deliveryId, String phone, String text) {
        Set<String> known = sent();
        if (known.contains(deliveryId.toString())) {
            return false;
        }
        String line = String.join("\t", deliveryId.toString(), clock.instant().toString(), PersonalData.mask(phone),
                text.replaceAll("[\\r\\n\\t]+", " ")) + "\n";
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        known.add(deliveryId.toString());
        return true;
    }

    public Path file() {
        return file;
    }

    /** Forgets what it remembers in memory (a restart); the file is read again on the next send. */
    public synchronized void restart() {
        sent = null;
    }

    private Set<String> sent() {
        if (sent == null) {
            sent = new HashSet<>();
            if (Files.exists(file)) {
                try {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (String l : lines) {
                        int tab = l.indexOf('\t');
                        if (tab > 0) {
                            sent.add(l.substring(0, tab));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
        return sent;
    }
}
