package org.xuewei.platform.identity.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Login rate limits (登录限流).
 *
 * @param maxFailures failed sign-ins allowed per username and client address within {@code window}
 * @param maxFailuresPerAddress failed sign-ins allowed per client address (any username) within {@code window}
 * @param window how long failures are remembered; a blocked client waits until its oldest failure is this old
 */
@Validated
@ConfigurationProperties("xuewei.identity.login")
public record LoginProperties(
        @DefaultValue("5") @Min(1) int maxFailures,
        @DefaultValue("50") @Min(1) int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window) {
}
