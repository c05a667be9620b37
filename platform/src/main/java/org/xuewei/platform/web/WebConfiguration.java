package org.xuewei.platform.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.Locale;

/**
 * Languages: Simplified Chinese by default, English on request. {@code ?lang=en} or
 * {@code ?lang=zh-CN} on any page switches and remembers the choice in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final String LANGUAGE_COOKIE = "XUEWEI_LANG";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new SupportedLocaleResolver(LANGUAGE_COOKIE);
        resolver.setDefaultLocale(CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /**
     * Pages link to static files and webjars without versions ({@code /webjars/htmx.org/dist/htmx.min.js}); the
     * webjars resolver finds them when they are asked for. Boot's URL-rewriting filter also looked every link of
     * every page up on the class path to version it, and did not remember the links that are not files (most of
     * them): ≈ 20% of the platform's CPU in an HTTP load run that signed parents in (profiled). Left out.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlRewriting(ObjectProvider<ResourceUrlEncodingFilter> filter) {
        FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(filter.getIfAvailable(ResourceUrlEncodingFilter::new));
        off.setEnabled(false);
        return off;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
        registry.addInterceptor(new ShellModel());
    }

    /** Only the two languages the bundles have: English, or else Chinese. */
    static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : CHINESE;
    }

    private static final class SupportedLocaleResolver extends CookieLocaleResolver {

        SupportedLocaleResolver(String cookieName) {
            super(cookieName);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return supported(super.resolveLocale(request));
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, supported(locale));
        }
    }
}
