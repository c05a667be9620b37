package org.xuewei.platform.catalog.importing;

import org.springframework.context.MessageSource;
import org.xuewei.platform.catalog.SchoolOwnership;
import org.xuewei.platform.catalog.SchoolStage;

import java.util.Locale;

/**
 * The words for stages and ownership in cells: written in the user's language, read in Chinese,
 * English or as the code ({@code PRIMARY}, {@code PUBLIC}, as catalog.json has them).
 */
public final class Labels {

    static final Locale[] LANGUAGES = {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH};

    private final MessageSource messages;

    public Labels(MessageSource messages) {
        this.messages = messages;
    }

    public String stage(SchoolStage stage, Locale locale) {
        return messages.getMessage("catalog.stage." + stage.name(), null, locale);
    }

    public String ownership(SchoolOwnership ownership, Locale locale) {
        return messages.getMessage("catalog.ownership." + ownership.name(), null, locale);
    }

    public SchoolStage parseStage(String text) {
        for (SchoolStage stage : SchoolStage.values()) {
            if (matches(text, stage.name(), "catalog.stage." + stage.name())) {
                return stage;
            }
        }
        return null;
    }

    public SchoolOwnership parseOwnership(String text) {
        for (SchoolOwnership ownership : SchoolOwnership.values()) {
            if (matches(text, ownership.name(), "catalog.ownership." + ownership.name())) {
                return ownership;
            }
        }
        return null;
    }

    private boolean matches(String text, String code, String key) {
        if (text.equalsIgnoreCase(code)) {
            return true;
        }
        for (Locale language : LANGUAGES) {
            if (text.equalsIgnoreCase(messages.getMessage(key, null, code, language))) {
                return true;
            }
        }
        return false;
    }
}
