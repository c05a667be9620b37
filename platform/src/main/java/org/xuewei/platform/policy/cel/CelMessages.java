package org.xuewei.platform.policy.cel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns cel-java's English checker and parser messages into Chinese for district staff. */
final class CelMessages {

    private static final Pattern UNDEFINED_FIELD = Pattern.compile("undefined field '([^']*)'");
    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']*)'.*");
    private static final Pattern NO_OVERLOAD =
            Pattern.compile("found no matching overload for '([^']*)' applied to '\\(([^)]*)\\)'.*", Pattern.DOTALL);
    private static final Pattern SYNTAX = Pattern.compile("(mismatched input|extraneous input|no viable alternative|"
            + "token recognition error|missing).*", Pattern.DOTALL);

    private CelMessages() {
    }

    static String toChinese(String message) {
        Matcher m = UNDEFINED_FIELD.matcher(message);
        if (m.find()) {
            return "未知字段 '" + m.group(1) + "'（事实模型中没有这个字段）";
        }
        m = UNDECLARED.matcher(message);
        if (m.matches()) {
            return "未定义的名称 '" + m.group(1) + "'";
        }
        m = NO_OVERLOAD.matcher(message);
        if (m.matches()) {
            return "类型不匹配：'" + operator(m.group(1)) + "' 不能用于 (" + m.group(2) + ")";
        }
        if (SYNTAX.matcher(message).matches()) {
            return "语法错误：" + message;
        }
        return "规则错误：" + message;
    }

    private static String operator(String op) {
        return op.startsWith("_") && op.endsWith("_") && op.length() > 2 ? op.substring(1, op.length() - 1) : op;
    }
}
