package org.xuewei.platform.web;

/**
 * One thing a role can do in the console.
 *
 * @param labelKey message key of its label
 * @param href where it is, or {@code null} while it is not built yet (shown as "not yet available")
 * @param argument an argument for the label (e.g. a district name), or {@code null}
 */
record ConsoleItem(String labelKey, String href, String argument) {

    static ConsoleItem link(String labelKey, String href) {
        return new ConsoleItem(labelKey, href, null);
    }

    static ConsoleItem notYet(String labelKey) {
        return new ConsoleItem(labelKey, null, null);
    }
}
