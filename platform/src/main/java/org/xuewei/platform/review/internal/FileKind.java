package org.xuewei.platform.review.internal;

import java.util.Optional;

/** The supplement types we accept, judged by their first bytes (magic numbers), never by name or Content-Type. */
public enum FileKind {
    PDF("application/pdf", "pdf"),
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png");

    private final String mediaType;
    private final String extension;

    FileKind(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<FileKind> of(String mediaType) {
        for (FileKind k : values()) {
            if (k.mediaType.equals(mediaType)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** {@code %PDF-}, {@code FF D8 FF}, or the PNG signature {@code 89 50 4E 47 0D 0A 1A 0A}. */
    public static Optional<FileKind> sniff(byte[] head) {
        if (starts(head, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return Optional.of(PDF);
        }
        if (starts(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(head, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] head, int... magic) {
        if (head == null || head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
