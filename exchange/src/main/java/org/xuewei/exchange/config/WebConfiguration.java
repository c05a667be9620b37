package org.xuewei.exchange.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

import java.util.Locale;

/** Chinese pages by default ({@code ?lang=en} for English) and the OpenAPI description. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        registry.addInterceptor(lang);
    }

    /** Documents the required purpose header on every registry look-up. */
    @Bean
    OperationCustomizer purposeHeader() {
        return (operation, handler) -> {
            if (handler.getBeanType().getSimpleName().equals("RegistryController")) {
                operation.addParametersItem(new Parameter().in("header").name("purpose").required(true)
                        .description("why the data is needed, e.g. 义务教育招生资格核验").schema(new StringSchema().maxLength(200)));
            }
            return operation;
        };
    }

    @Bean
    OpenAPI exchangeOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Xuewei exchange — registries' stand-in").version("1")
                        .description("Look-ups in 户籍, 不动产, 网签, 租赁备案, 居住证, 社保, 民政, 学籍, 优待. "
                                + "Bearer token from /oauth2/token (client credentials, scope registry.read); header 'purpose' required. "
                                + "See docs/exchange.md."))
                .components(new Components().addSecuritySchemes("oauth2", new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                        .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token")
                                .scopes(new Scopes().addString("registry.read", "registry look-ups")
                                        .addString("catalog.read", "catalog export")
                                        .addString("exchange.admin", "faults, manifest, call log"))))));
    }
}
