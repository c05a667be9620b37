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

    /** The JDK's switch for the common pool's size (read once, when the pool is first used). */
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) {
        useCommonPoolOnSmallMachines();
        SpringApplication.run(PlatformApplication.class, args);
    }

    /**
     * On a machine with one or two processors the common pool has parallelism 1, and then {@code CompletableFuture}'s
     * default executor starts a new thread for every task. The JDK's HTTP client completes every asynchronous answer
     * there, so each registry batch cost a thread start: ≈ 1.3 ms of CPU per submission at 50 parents at once on the
     * 2-core machine (docs/performance.md). A pool of 2 keeps those threads. Left alone when set explicitly.
     */
    static void useCommonPoolOnSmallMachines() {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(COMMON_POOL_PARALLELISM, "2");
        }
    }

    /** The one clock every module reads; tests replace it to check deadlines. */
    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
