package dev.passkeys.spring.autoconfigure;

import dev.passkeys.RelyingParty;
import dev.passkeys.spring.security.PasskeysConfigurer;
import dev.passkeys.spring.security.ProblemAuthenticationEntryPoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Adds passkeys to the application's own security filter chain(s). Spring Security 7 applies every
 * {@code Customizer<HttpSecurity>} bean to each {@code HttpSecurity} before the application's DSL runs, so the rules
 * here come first and the integrator writes no passkey-specific security configuration.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HttpSecurity.class)
@ConditionalOnBooleanProperty(name = "passkeys.security.customize-http-security", matchIfMissing = true)
class PasskeysSecurityConfiguration {

    @Bean
    Customizer<HttpSecurity> passkeysHttpSecurityCustomizer(RelyingParty relyingParty,
                                                            ObjectProvider<UserDetailsService> userDetailsService,
                                                            PasskeysProperties properties) {
        String base = properties.normalizedBasePath();
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher api = new AndRequestMatcher(paths.matcher(base + "/**"),
                new NegatedRequestMatcher(paths.matcher(HttpMethod.GET, base + "/manage")));
        return http -> {
            UserDetailsService users = userDetailsService.getIfAvailable();
            if (users == null) {
                throw new IllegalStateException("Passkeys for Java needs a UserDetailsService bean to load the "
                        + "user of a passkey sign-in; declare one, or set passkeys.security.customize-http-security=false");
            }
            http.authorizeHttpRequests(authorize -> authorize
                    .requestMatchers(HttpMethod.POST, base + "/authentication/options", base + "/authentication")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, base + "/passkeys.js", base + "/passkeys-manage.js",
                            base + "/passkeys.css").permitAll());
            http.exceptionHandling(exceptions -> exceptions
                    .defaultAuthenticationEntryPointFor(new ProblemAuthenticationEntryPoint(), api));
            try {
                http.with(new PasskeysConfigurer(relyingParty, users, base, properties.getDefaultSuccessUrl()),
                        Customizer.withDefaults());
            } catch (Exception e) {
                throw new IllegalStateException("could not add passkey sign-in to HttpSecurity", e);
            }
        };
    }
}
