package org.xuewei.platform.registry;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How the platform calls the exchange (数据共享交换平台).
 *
 * @param baseUrl            the exchange, also the token issuer ({@code ${baseUrl}/oauth2/token})
 * @param clientId           OAuth2 client (client credentials grant, scope {@code registry.read})
 * @param clientSecret       its secret; only the demo profile ships one
 * @param purpose            the {@code purpose} header sent with every look-up
 * @param callTimeout        one HTTP call
 * @param registryTimeout    one registry look-up including retries
 * @param attempts           tries per look-up (1 = no retry)
 * @param retryWait          wait between tries
 * @param failureRate        percent of failed calls that opens a registry's circuit
 * @param openFor            how long an open circuit refuses calls before trying again
 * @param threads            threads that handle the answers
 * @param maxInFlight        requests at the exchange at once; batches asked for meanwhile wait in the platform (their
 *                           call's time limit starts when they are sent) and go out merged, up to 50 look-ups a request,
 *                           so that a busy exchange queues look-ups instead of timing them out and opening the
 *                           registries' circuits, and answers fewer, bigger requests
 */
@Validated
@ConfigurationProperties("xuewei.registry")
public record RegistryProperties(
        @DefaultValue("http://127.0.0.1:8090") @NotBlank String baseUrl,
        @DefaultValue("xuewei-platform") @NotBlank String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("enrollment-eligibility") @NotBlank String purpose,
        @DefaultValue("2s") Duration callTimeout,
        @DefaultValue("5s") Duration registryTimeout,
        @DefaultValue("3") @Min(1) int attempts,
        @DefaultValue("150ms") Duration retryWait,
        @DefaultValue("50") @Min(1) int failureRate,
        @DefaultValue("10s") Duration openFor,
        @DefaultValue("64") @Min(1) int threads,
        @DefaultValue("24") @Min(1) int maxInFlight) {
}
