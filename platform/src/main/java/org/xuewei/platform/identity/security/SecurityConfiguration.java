package org.xuewei.platform.identity.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.identity.ParentLogin;
import org.xuewei.platform.identity.StaffRole;

import java.util.Arrays;

/**
 * Who may open what. Staff sign in with a form at {@code /login} (session, CSRF on); the console
 * under {@code /console/**} is for staff only and each district's console for that district;
 * {@code /api/**} answers 401/403 as problem JSON instead of redirecting. Every other path is
 * public, so an unknown path gets the 404 page. Parents' OIDC login switches on when the
 * {@code city} client registration is configured.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline scripts or styles anywhere: all JS and CSS come from /webjars and /css, /js. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    /**
     * No Micrometer observation around each of Spring Security's filters: with the actuator on the classpath every
     * filter of every request was wrapped (start and stop of an observation per filter), cost on each parent's request
     * that no dashboard reads; requests are still timed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt}… hashes, upgradeable to a stronger encoder later without resetting passwords
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle, AuditLog audit,
            ObjectProvider<ClientRegistrationRepository> clients, ParentLogin parentLogin,
            ApplicationEventPublisher events) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        RequestMatcher parentPages = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/parent"),
                PathPatternRequestMatcher.withDefaults().matcher("/parent/**"));
        String[] staffRoles = Arrays.stream(StaffRole.values()).map(Enum::name).toArray(String[]::new);
        LoginHandlers handlers = new LoginHandlers(throttle, audit);
        ApiProblems problems = new ApiProblems();

        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/console/district/{code}/**").access(new DistrictConsoleAccess())
                        .requestMatchers("/console/audit/**").hasAnyRole(StaffRole.AUDITOR.name(),
                                StaffRole.CITY_ADMIN.name())
                        .requestMatchers("/console/**").hasAnyRole(staffRoles)
                        .requestMatchers("/parent", "/parent/**", "/api/v1/parent/**").hasRole(ParentLogin.ROLE)
                        .requestMatchers(HttpMethod.GET, "/api/v1/districts", "/api/v1/districts/**").permitAll()
                        .requestMatchers("/api/**").hasAnyRole(staffRoles)
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole(StaffRole.CITY_ADMIN.name())
                        .anyRequest().permitAll())
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(handlers)
                        .failureHandler(handlers))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems, api)
                        .defaultAccessDeniedHandlerFor(problems, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(
                                parentLogin.loginPath().orElse("/")), parentPages)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
                .addFilterBefore(new LoginThrottleFilter(throttle, audit), UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        .crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN)));

        ClientRegistrationRepository registrations = clients.getIfAvailable();
        if (registrations != null && registrations.findByRegistrationId(ParentLogin.REGISTRATION) != null) {
            // parents (city app, OIDC authorization code + PKCE even though the client is confidential)
            DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                    registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
            resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(oauth -> oauth.loginPage("/login")
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver))
                    .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(new ParentAuthorities()))
                    .successHandler(new ParentLoginSuccess(events))
                    .failureHandler(new ParentLoginFailure()));
        }
        return http.build();
    }
}
