package dev.passkeys.spring.autoconfigure;

import dev.passkeys.RelyingParty;
import dev.passkeys.spring.account.AccountIdResolver;
import dev.passkeys.spring.security.PasskeysConfigurer;
import dev.passkeys.spring.metrics.CeremonyObserver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;

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
                                                            PasskeysProperties properties,
                                                            ApplicationEventPublisher events,
                                                            ObjectProvider<CeremonyObserver> observer,
                                                            ObjectProvider<AccountIdResolver> accountIds) {
        String base = properties.normalizedBasePath();
        return http -> {
            UserDetailsService users = userDetailsService.getIfAvailable();
            if (users == null) {
                throw new IllegalStateException("Passkeys for Java needs a UserDetailsService bean to load the "
                        + "user of a passkey sign-in; declare one, or set passkeys.security.customize-http-security=false");
            }
            // The JSON endpoints check the signed-in user themselves and answer 401 problems, so the chain lets them
            // through; the page needs a user, and a signed-out visit goes to the app's own login.
            http.authorizeHttpRequests(authorize -> authorize
                    .requestMatchers(HttpMethod.GET, base + "/manage").authenticated()
                    .requestMatchers(base + "/**").permitAll());
            try {
                http.with(new PasskeysConfigurer(relyingParty, users, base, properties.getDefaultSuccessUrl())
                                .events(events)
                                .observer(observer.getIfAvailable(() -> CeremonyObserver.NONE))
                                .accountIds(accountIds.getIfUnique(() -> AccountIdResolver.USERNAME)),
                        Customizer.withDefaults());
            } catch (Exception e) {
                throw new IllegalStateException("could not add passkey sign-in to HttpSecurity", e);
            }
        };
    }
}
