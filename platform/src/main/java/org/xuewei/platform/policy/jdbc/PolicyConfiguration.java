package org.xuewei.platform.policy.jdbc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuewei.platform.policy.PolicyLibrary;

/** The policy module's beans: the shipped policies; the {@link JdbcPolicyStore} is a component. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    PolicyLibrary shippedPolicies() {
        return PolicyLibrary.shipped();
    }
}
