package org.xuewei.exchange.idp;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.xuewei.exchange.registry.ApiSecurityHandlers;

/**
 * Three filter chains: the authorization server's endpoints (OIDC, tokens, JWKS); the registry and
 * admin APIs (bearer tokens, stateless); the login pages of the identity provider.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer as = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(as.getEndpointsMatcher())
                .with(as, c -> c.oidc(oidc -> oidc.userInfoEndpoint(u -> u.userInfoMapper(IdpConfiguration.userInfoMapper()))))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ApiSecurityHandlers handlers) throws Exception {
        http.securityMatcher("/exchange/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/exchange/admin/catalog").hasAnyAuthority("SCOPE_" + IdpConfiguration.SCOPE_ADMIN,
                                "SCOPE_" + IdpConfiguration.SCOPE_CATALOG)
                        .requestMatchers("/exchange/admin/demo/guardians").hasAnyAuthority("SCOPE_" + IdpConfiguration.SCOPE_ADMIN,
                                "SCOPE_" + IdpConfiguration.SCOPE_REGISTRY)
                        .requestMatchers("/exchange/admin/**").hasAuthority("SCOPE_" + IdpConfiguration.SCOPE_ADMIN)
                        .requestMatchers("/exchange/v1/**").hasAuthority("SCOPE_" + IdpConfiguration.SCOPE_REGISTRY)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, PhoneCodeAuthenticationProvider provider) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/login", "/login/code", "/demo", "/css/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().authenticated())
                .authenticationProvider(provider)
                .formLogin(f -> f.loginPage("/login").usernameParameter("phone").passwordParameter("code")
                        .failureUrl("/login?error").permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; frame-ancestors 'none'")));
        return http.build();
    }
}
