package org.xuewei.exchange;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.util.Arrays;

/**
 * Stand-in for the city's government data-sharing exchange and its real-name identity provider.
 * {@code java -jar xuewei-exchange.jar generate …} runs the generator without a web server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExchangeApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("generate")) {
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(ExchangeApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("xuewei.exchange.command=generate", "spring.main.banner-mode=off")
                    .run(rest);
            System.exit(SpringApplication.exit(context));
        }
        SpringApplication.run(ExchangeApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
