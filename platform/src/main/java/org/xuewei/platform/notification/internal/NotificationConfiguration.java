package org.xuewei.platform.notification.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.nio.file.Path;
import java.time.Clock;

/** The dispatcher's schedule and the demo SMS gateway (a log file); a real gateway replaces the {@link SmsGateway} bean. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    @Bean
    LogFileSmsGateway smsGateway(NotificationProperties properties, Environment environment, Clock clock) {
        Path file = properties.smsLog() == null || properties.smsLog().isBlank()
                ? Path.of(environment.getProperty("xuewei.data-dir", "data"), "sms.log")
                : Path.of(properties.smsLog());
        return new LogFileSmsGateway(file, clock);
    }
}
