package org.xuewei.platform.notification.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The notification dispatcher.
 *
 * @param smsLog       the demo gateway's log file; blank = {@code ${xuewei.data-dir}/sms.log}
 * @param dispatchEvery how often the outbox is read (a round that finds a full batch is followed at once by the next)
 * @param lease        how long a taken message is left alone before another dispatcher may take it again
 * @param retryAfter   the wait after a failed attempt
 * @param batch        messages per round: one claim, one inbox insert, the SMS one by one, one update of the marks
 */
@ConfigurationProperties("xuewei.notification")
public record NotificationProperties(String smsLog, @DefaultValue("2s") Duration dispatchEvery,
                                     @DefaultValue("1m") Duration lease, @DefaultValue("30s") Duration retryAfter,
                                     @DefaultValue("100") int batch) {
}
