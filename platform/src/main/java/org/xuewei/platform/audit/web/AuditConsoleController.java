package org.xuewei.platform.audit.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

/** The audit log for auditors and the city administrator: the newest events and whether the chain is intact. */
@Controller
class AuditConsoleController {

    static final int PAGE = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditLog audit;
    private final Clock clock;

    AuditConsoleController(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/console/audit")
    String log(Model model) {
        model.addAttribute("events", audit.latest(PAGE).stream()
                .map(r -> new Row(TIME.format(r.occurredAt().atZone(clock.getZone())), r.entry()))
                .toList());
        model.addAttribute("chain", audit.verify());
        return "audit/log";
    }

    /** One line of the page, its time in the platform's zone. */
    record Row(String time, AuditEntry entry) {
    }
}
