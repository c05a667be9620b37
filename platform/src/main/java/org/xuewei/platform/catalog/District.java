package org.xuewei.platform.catalog;

/**
 * A district or county (区/县) of the city, the unit that owns an enrollment policy ("1+N").
 *
 * @param code the six-digit GB/T 2260 code, e.g. {@code 360102}
 * @param name the official Chinese name, e.g. 东湖区
 */
public record District(String code, String name) {
}
