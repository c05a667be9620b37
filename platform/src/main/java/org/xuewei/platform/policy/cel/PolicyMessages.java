package org.xuewei.platform.policy.cel;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Renders this module's message keys from {@code policy/messages*.properties} (zh default, en). */
public final class PolicyMessages {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private PolicyMessages() {
    }

    public static String render(Locale locale, String key, Object... args) {
        ResourceBundle bundle = bundle(locale);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public static ResourceBundle bundle(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return ResourceBundle.getBundle("policy.messages", english ? Locale.ENGLISH : Locale.ROOT, NO_FALLBACK);
    }

    public static String zh(String key, Object... args) {
        return render(Locale.ROOT, key, args);
    }

    public static String en(String key, Object... args) {
        return render(Locale.ENGLISH, key, args);
    }
}
