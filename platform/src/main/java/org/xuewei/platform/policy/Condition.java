package org.xuewei.platform.policy;

/**
 * One CEL predicate with the sentence that explains it to parents.
 * {@code text} may hold {@code {expr}} placeholders: CEL expressions returning a string, e.g.
 * {@code "户主为{label(hukou.householder)}"}. {@code textEn} is the optional English sentence.
 */
public record Condition(String id, String when, String text, String textEn) {
}
