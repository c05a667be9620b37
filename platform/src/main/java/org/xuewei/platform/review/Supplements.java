package org.xuewei.platform.review;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuewei.platform.application.ApplicationNotFoundException;
import org.xuewei.platform.application.ApplicationStatus;
import org.xuewei.platform.application.IllegalTransitionException;
import org.xuewei.platform.application.ReviewDesk;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.identity.Parent;
import org.xuewei.platform.review.internal.FileKind;
import org.xuewei.platform.review.internal.ReviewStore;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 补充材料: what a reviewer asked for and the parent's upload — PDF, JPEG or PNG up to 10 MB, the type judged from
 * the content's first bytes (not the file name, not the Content-Type), stored with its SHA-256; the application then
 * goes back to review. Only the parent's own application (another family's id is not found).
 */
@Service
public class Supplements {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** What the parent's supplement page shows. */
    public record Request(UUID applicationId, String number, ApplicationStatus status, String message,
                          List<ReviewStore.Supplement> uploaded) {
        public boolean open() {
            return status == ApplicationStatus.SUPPLEMENT_REQUESTED;
        }
    }

    private final ReviewDesk desk;
    private final ReviewStore store;
    private final AuditLog audit;
    private final Clock clock;

    Supplements(ReviewDesk desk, ReviewStore store, AuditLog audit, Clock clock) {
        this.desk = desk;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Request request(Parent parent, UUID id) {
        ReviewDesk.ParentCase c = desk.parentCase(parent, id).orElseThrow(ApplicationNotFoundException::new);
        return new Request(c.id(), c.number(), c.status(), store.supplementMessage(id).orElse(""), store.supplements(id));
    }

    @Transactional
    public ReviewStore.Supplement upload(Parent parent, UUID id, String fileName, byte[] content, String clientIp) {
        ReviewDesk.ParentCase c = desk.parentCase(parent, id).orElseThrow(ApplicationNotFoundException::new);
        if (c.status() != ApplicationStatus.SUPPLEMENT_REQUESTED) {
            throw new ReviewRefusedException("review.upload.error.not-requested");
        }
        if (content == null || content.length == 0) {
            throw new ReviewRefusedException("review.upload.error.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new ReviewRefusedException("review.upload.error.too-large");
        }
        FileKind kind = FileKind.sniff(content).orElseThrow(() -> new ReviewRefusedException("review.upload.error.type"));
        Instant now = clock.instant();
        ReviewStore.Supplement s = new ReviewStore.Supplement(UUID.randomUUID(), id, safeName(fileName, kind),
                kind.mediaType(), content.length, sha256(content), parent.subject(), now);
        store.saveSupplement(s, content);
        try {
            desk.supplementProvided(parent, id);
        } catch (IllegalTransitionException e) {
            throw new ReviewRefusedException("review.upload.error.not-requested");
        }
        store.record(id, c.districtCode(), "SUPPLEMENT_PROVIDED", parent.subject(), null, null, s.fileName(), now);
        audit.record(new AuditEntry(parent.subject(), "review.supplement.uploaded", c.number(), clientIp,
                kind.mediaType() + " " + content.length + " bytes sha256 " + s.sha256()));
        return s;
    }

    /** A stored supplement of a district's application, for a reviewer (logged). */
    @Transactional
    public Optional<File> file(String district, UUID applicationId, UUID supplementId, Reviewer reviewer) {
        ReviewDecisions.allowedToView(district, reviewer);
        desk.status(district, applicationId);
        Optional<ReviewStore.Supplement> meta = store.supplements(applicationId).stream()
                .filter(s -> s.id().equals(supplementId)).findFirst();
        if (meta.isEmpty()) {
            return Optional.empty();
        }
        audit.record(new AuditEntry(reviewer.username(), "review.supplement.viewed", applicationId.toString(),
                reviewer.clientIp(), meta.get().fileName()));
        return store.content(applicationId, supplementId).map(bytes -> new File(meta.get(), bytes));
    }

    /** A file with what we know of it. */
    public record File(ReviewStore.Supplement meta, byte[] content) {
    }

    /** The name as the parent gave it, without any path, with the extension its content really has. */
    static String safeName(String fileName, FileKind kind) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        if (base.isEmpty()) {
            base = "supplement";
        }
        if (base.length() > 200) {
            base = base.substring(0, 200);
        }
        return base + "." + kind.extension();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
