package dev.passkeys.spring.autoconfigure;

import dev.passkeys.RelyingParty;
import dev.passkeys.spring.web.PasskeysController;
import dev.passkeys.spring.web.PasskeysExceptionHandler;
import dev.passkeys.spring.web.PasskeysPageController;
import dev.passkeys.spring.web.PasskeysEndpointFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The JSON endpoints, the JavaScript client, the pages, and the request-size limit in front of them. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PasskeysWebConfiguration {

    @Bean
    PasskeysController passkeysController(RelyingParty relyingParty) {
        return new PasskeysController(relyingParty);
    }

    @Bean
    PasskeysPageController passkeysPageController(PasskeysProperties properties) {
        return new PasskeysPageController(properties.normalizedBasePath());
    }

    @Bean
    PasskeysExceptionHandler passkeysExceptionHandler() {
        return new PasskeysExceptionHandler();
    }

    @Bean
    FilterRegistrationBean<PasskeysEndpointFilter> passkeysEndpointFilter(PasskeysProperties properties) {
        FilterRegistrationBean<PasskeysEndpointFilter> registration = new FilterRegistrationBean<>(
                new PasskeysEndpointFilter(properties.getMaxRequestSize().toBytes()));
        registration.addUrlPatterns(properties.normalizedBasePath() + "/*");
        // Before Spring Security's filter chain, which reads the sign-in body.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        return registration;
    }
}
