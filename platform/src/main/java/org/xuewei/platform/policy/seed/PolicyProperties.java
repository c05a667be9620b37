package org.xuewei.platform.policy.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The policy module's settings.
 *
 * @param season            the season (entry year) the console edits and seeding targets; {@code null} = from the
 *                          clock: the calendar year until 30 September, the next year from October
 * @param importCityDefault at start-up, import and publish the shipped city default for the season when the store
 *                          has no version of it (production's first start); the demo profile imports all shipped
 *                          Nanchang policies regardless
 */
@ConfigurationProperties("xuewei.policy")
public record PolicyProperties(Integer season, boolean importCityDefault) {
}
