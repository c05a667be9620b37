package org.xuewei.platform.registry;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Starts the shared {@link ExchangeStub} for every test context and tells the context its port
 * ({@code xuewei.test.exchange-port}, used by application-test.properties), so concurrent test runs on one machine
 * never fight over a fixed port. Registered in {@code META-INF/spring.factories} of the test classpath.
 */
public class ExchangeStubInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addLast(new MapPropertySource("exchange-stub",
                Map.of("xuewei.test.exchange-port", ExchangeStub.shared().port())));
    }
}
