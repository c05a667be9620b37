package org.xuewei.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.ZoneId;

/** The enrollment platform (学位): a modular monolith, one top-level package per module. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PlatformApplication {

    /** The platform's time zone: enrollment deadlines are China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) {
        SpringApplication.run(PlatformApplication.class, args);
    }

    /** The one clock every module reads; tests replace it to check deadlines. */
    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
