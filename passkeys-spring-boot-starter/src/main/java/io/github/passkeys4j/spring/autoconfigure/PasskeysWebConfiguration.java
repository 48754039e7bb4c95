package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.account.AccountSignInMethods;
import io.github.passkeys4j.spring.account.PasskeyAccounts;
import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.metrics.CeremonyObserver;
import io.github.passkeys4j.spring.security.PasskeyStepUpGuard;
import io.github.passkeys4j.spring.web.PasskeyDisplayNames;
import io.github.passkeys4j.spring.web.internal.BrowserNames;
import io.github.passkeys4j.spring.web.internal.PasskeyCredentialsController;
import io.github.passkeys4j.spring.web.internal.PasskeyStepUpPageController;
import io.github.passkeys4j.spring.web.internal.PasskeyUpgradeController;
import io.github.passkeys4j.spring.web.internal.PasskeysController;
import io.github.passkeys4j.spring.web.internal.PasskeysEndpointFilter;
import io.github.passkeys4j.spring.web.internal.PasskeysExceptionHandler;
import io.github.passkeys4j.spring.web.internal.PasskeysPageController;
import io.github.passkeys4j.spring.web.internal.RecoveryCodesController;
import io.github.passkeys4j.spring.web.internal.RegistrationKinds;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.servlet.LocaleResolver;

/** The JSON endpoints, the JavaScript client, the pages, and the request-size limit in front of them. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(PasskeysDiagnosticsConfiguration.class)
@EnableConfigurationProperties(PasskeysUpgradeProperties.class)
class PasskeysWebConfiguration {

    /** Automatic passkey upgrade after a password sign-in; off with {@code passkeys.upgrade.enabled=false}. */
    @Bean
    @ConditionalOnBooleanProperty(name = "passkeys.upgrade.enabled", matchIfMissing = true)
    PasskeyUpgradeController passkeyUpgradeController(
            RelyingParty relyingParty, PasskeyAccounts accounts, ObjectProvider<PasskeyDisplayNames> displayNames) {
        return new PasskeyUpgradeController(
                relyingParty, accounts, displayNames.getIfAvailable(() -> PasskeyDisplayNames.USERNAME));
    }

    @Bean
    PasskeysController passkeysController(
            RelyingParty relyingParty,
            PasskeyAccounts accounts,
            ApplicationEventPublisher events,
            ObjectProvider<CeremonyObserver> observer,
            ObjectProvider<PasskeyDisplayNames> displayNames,
            BrowserNames browserNames,
            PasskeysRegistrationProperties registration) {
        return new PasskeysController(
                relyingParty,
                accounts,
                events,
                observer.getIfAvailable(() -> CeremonyObserver.NONE),
                displayNames.getIfAvailable(() -> PasskeyDisplayNames.USERNAME),
                browserNames,
                new RegistrationKinds(registration.preferences(), registration.isSecurityKeys()));
    }

    /** {@code GET/POST <base>/recovery-codes} (passkeys.recovery.enabled). */
    @Bean
    @ConditionalOnBooleanProperty(name = "passkeys.recovery.enabled", matchIfMissing = true)
    RecoveryCodesController passkeysRecoveryCodesController(
            RelyingParty relyingParty, PasskeyAccounts accounts, PasskeyStepUpGuard stepUp) {
        return new RecoveryCodesController(relyingParty, accounts, stepUp);
    }

    /** Names a passkey of an unknown provider after the browser and system it was made on. */
    @Bean
    BrowserNames passkeysBrowserNames() {
        return new BrowserNames();
    }

    @Bean
    PasskeyCredentialsController passkeyCredentialsController(
            RelyingParty relyingParty,
            PasskeyAccounts accounts,
            ObjectProvider<AccountSignInMethods> signInMethods,
            ObjectProvider<UserDetailsService> users,
            ApplicationEventPublisher events,
            ObjectProvider<PasskeyDisplayNames> displayNames,
            PasskeyStepUpGuard stepUp) {
        // Without a UserDetailsService nothing says an account has a password: assume not, the safe side.
        AccountSignInMethods methods = signInMethods.getIfAvailable(() -> users.getIfAvailable() != null
                ? AccountSignInMethods.passwordOf(users.getObject())
                : username -> false);
        return new PasskeyCredentialsController(
                relyingParty,
                accounts,
                methods,
                events,
                displayNames.getIfAvailable(() -> PasskeyDisplayNames.USERNAME),
                stepUp);
    }

    @Bean
    PasskeyStepUpPageController passkeyStepUpPageController(PasskeysProperties properties, PasskeysMessages messages) {
        return new PasskeyStepUpPageController(BasePath.of(properties), messages);
    }

    /**
     * Every text a user sees: the app's messages (its {@code messages.properties}, {@code passkeys.*} keys) over the
     * starter's bundle, in the language of the app's {@link LocaleResolver} (Boot's reads {@code Accept-Language}).
     */
    @Bean
    PasskeysMessages passkeysMessages(ApplicationContext context, ObjectProvider<LocaleResolver> localeResolver) {
        return PasskeysMessages.of(context, localeResolver);
    }

    @Bean
    PasskeysPageController passkeysPageController(
            PasskeysProperties properties, PasskeysMessages messages, PasskeysRegistrationProperties registration) {
        return new PasskeysPageController(BasePath.of(properties), messages, registration.isSecurityKeys());
    }

    @Bean
    static BasePathOverlapCheck passkeysBasePathOverlapCheck(ListableBeanFactory beans, Environment environment) {
        // Static and from the environment: a check of other beans must not make this configuration early.
        PasskeysProperties properties = Binder.get(environment)
                .bind("passkeys", PasskeysProperties.class)
                .orElseGet(PasskeysProperties::new);
        return new BasePathOverlapCheck(beans, BasePath.of(properties));
    }

    @Bean
    PasskeysExceptionHandler passkeysExceptionHandler(PasskeysProperties properties, PasskeysMessages messages) {
        return new PasskeysExceptionHandler(messages, BasePath.of(properties));
    }

    @Bean
    FilterRegistrationBean<PasskeysEndpointFilter> passkeysEndpointFilter(
            PasskeysProperties properties, PasskeysMessages messages) {
        FilterRegistrationBean<PasskeysEndpointFilter> registration =
                new FilterRegistrationBean<>(new PasskeysEndpointFilter(
                        properties.getMaxRequestSize().toBytes(), messages, BasePath.of(properties)));
        registration.addUrlPatterns(BasePath.of(properties) + "/*");
        // Before Spring Security's filter chain, which reads the sign-in body. Requests only: the filter passes any
        // other dispatch on (RequestFilter), and the starter never forwards into its own paths.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
