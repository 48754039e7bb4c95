package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.account.AccountIdResolver;
import io.github.passkeys4j.spring.account.PasskeyAccounts;
import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.metrics.CeremonyObserver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.DefaultLoginPageConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.annotation.web.configurers.LogoutConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.authentication.ui.DefaultLoginPageGeneratingFilter;
import org.springframework.security.web.authentication.ui.DefaultLogoutPageGeneratingFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Adds passkey sign-in to an {@link HttpSecurity} chain. The starter applies it for you; apply it yourself with
 * {@code http.with(new PasskeysConfigurer(…))} only when you turned the starter's customizer off.
 * <p>
 * It writes no URL rules: what must work signed out (sign-in options and finish, the client files) is answered by
 * filters before authorization, as Spring Security's own passkey and login-page filters are; everything else under
 * the base path (registration, management, the page) goes through the app's rules. Its filters act only on requests
 * under the base path, except three: the two well-known documents ({@code /.well-known/passkey-endpoints},
 * {@code /.well-known/webauthn}) are answered for anyone, the generated login page gets a passkey button, and a
 * request signed in with a passkey that was since deleted or disabled is signed out. It also answers the step-up
 * ceremony of a signed-in user ({@code <base>/step-up/options}, {@code <base>/step-up}) and sends a request refused
 * for a missing or stale {@code FACTOR_WEBAUTHN} there ({@link PasskeyStepUp}).
 */
public final class PasskeysConfigurer extends AbstractHttpConfigurer<PasskeysConfigurer, HttpSecurity> {

    /**
     * The bean that says whether a credential ID is still in Spring Security's own passkey tables (the JDBC
     * configuration's, when those tables are in the DataSource).
     */
    public static final String NOT_YET_MOVED = "passkeysNotYetMovedFromSpringSecurity";

    private final RelyingParty relyingParty;
    private final UserDetailsService userDetailsService;
    private final String basePath;
    private final String defaultSuccessUrl;
    private ApplicationEventPublisher events = event -> {};
    private CeremonyObserver observer = CeremonyObserver.NONE;
    private AccountIdResolver accountIds = AccountIdResolver.USERNAME;
    private AuthenticationSuccessHandler successHandler;
    private AuthenticationFailureHandler failureHandler;
    private DefaultLoginPageGeneratingFilter generatedLoginPage;
    private String enrollUrl;
    private String manageUrl;
    private boolean passkeyEndpoints = true;
    private List<String> relatedOrigins = List.of();
    private PasskeySignUp signUp;
    private PasskeyRecovery recovery;
    private boolean recoveryCodes;

    public PasskeysConfigurer(
            RelyingParty relyingParty,
            UserDetailsService userDetailsService,
            String basePath,
            String defaultSuccessUrl) {
        this.relyingParty = relyingParty;
        this.userDetailsService = userDetailsService;
        this.basePath = basePath;
        this.defaultSuccessUrl = defaultSuccessUrl;
    }

    /** Where sign-in events go (Spring Security's authentication events too); by default nowhere. */
    public PasskeysConfigurer events(ApplicationEventPublisher events) {
        this.events = events;
        return this;
    }

    /** Records each sign-in's outcome and duration; by default nothing is recorded. */
    public PasskeysConfigurer observer(CeremonyObserver observer) {
        this.observer = observer;
        return this;
    }

    /** The application's immutable account ids; by default the username (see {@link AccountIdResolver}). */
    public PasskeysConfigurer accountIds(AccountIdResolver accountIds) {
        this.accountIds = accountIds;
        return this;
    }

    /**
     * Answers a passkey sign-in that succeeded (the session is already rotated and the context saved). By default
     * {@code 200 {"redirectUrl": …}}: the saved request, else {@code passkeys.default-success-url}.
     */
    public PasskeysConfigurer successHandler(AuthenticationSuccessHandler handler) {
        this.successHandler = handler;
        return this;
    }

    /** Answers a refused passkey sign-in. By default an RFC 9457 problem naming the failed check. */
    public PasskeysConfigurer failureHandler(AuthenticationFailureHandler handler) {
        this.failureHandler = handler;
        return this;
    }

    /**
     * The URLs {@code /.well-known/passkey-endpoints} names (absolute, or paths under the context path); by default
     * both are the passkeys page, {@code <base>/manage}. {@code null} keeps the default.
     */
    public PasskeysConfigurer passkeyEndpoints(String enrollUrl, String manageUrl) {
        this.enrollUrl = enrollUrl;
        this.manageUrl = manageUrl;
        this.passkeyEndpoints = true;
        return this;
    }

    /** Serves no {@code /.well-known/passkey-endpoints}; the request goes through the app's rules. */
    public PasskeysConfigurer withoutPasskeyEndpoints() {
        this.passkeyEndpoints = false;
        return this;
    }

    /** The https origins {@code /.well-known/webauthn} lists; by default none, and it is not served. */
    public PasskeysConfigurer relatedOrigins(List<String> origins) {
        this.relatedOrigins = List.copyOf(origins);
        return this;
    }

    /**
     * Opens passkey-only sign-up ({@code POST <base>/sign-up/options} and {@code POST <base>/sign-up}) to anyone;
     * {@code null} (the default) serves neither, and those paths go through the app's rules.
     */
    public PasskeysConfigurer signUp(PasskeySignUp signUp) {
        this.signUp = signUp;
        return this;
    }

    /**
     * Recovery sessions ({@link PasskeyRecovery}) are kept to adding a passkey; with {@code recoveryCodes},
     * {@code POST <base>/recovery} signs in with a recovery code. By default neither.
     */
    public PasskeysConfigurer recovery(PasskeyRecovery recovery, boolean recoveryCodes) {
        this.recovery = recovery;
        this.recoveryCodes = recoveryCodes;
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void init(HttpSecurity http) {
        // A missing or stale FACTOR_WEBAUTHN (PasskeyStepUp, @RecentPasskey) sends the user through the step-up.
        ExceptionHandlingConfigurer<HttpSecurity> exceptions = http.getConfigurer(ExceptionHandlingConfigurer.class);
        if (exceptions != null) {
            exceptions.defaultDeniedHandlerForMissingAuthority(
                    new PasskeyStepUpEntryPoint(basePath, messages(http)), PasskeyStepUp.FACTOR);
        }
        // A session kept through sign-out forgets its passkey (PasskeyRevocationFilter.forget).
        LogoutConfigurer<HttpSecurity> logout = http.getConfigurer(LogoutConfigurer.class);
        if (logout != null) {
            logout.addLogoutHandler(PasskeyRevocationFilter::forget);
        }
        // The login page generator is post-processed only when its configurer adds it to the chain, which is the one
        // case where there is a generated page to add our button to.
        DefaultLoginPageConfigurer<HttpSecurity> loginPage = http.getConfigurer(DefaultLoginPageConfigurer.class);
        if (loginPage != null) {
            loginPage.addObjectPostProcessor(new ObjectPostProcessor<DefaultLoginPageGeneratingFilter>() {
                @Override
                public <O extends DefaultLoginPageGeneratingFilter> O postProcess(O filter) {
                    generatedLoginPage = filter;
                    return filter;
                }
            });
        }
    }

    @Override
    public void configure(HttpSecurity http) {
        PasskeysMessages messages = messages(http);
        http.addFilterBefore(postProcess(signInFilter(http, messages)), BasicAuthenticationFilter.class);
        http.addFilterBefore(
                postProcess(new PasskeySignInOptionsFilter(
                        relyingParty, basePath, userDetailsService, accountIds, messages)),
                AuthorizationFilter.class);
        http.addFilterBefore(postProcess(new PasskeysClientFilesFilter(basePath, messages)), AuthorizationFilter.class);
        String page = basePath + "/manage";
        http.addFilterBefore(
                postProcess(new PasskeysWellKnownFilter(
                        passkeyEndpoints ? Objects.requireNonNullElse(enrollUrl, page) : null,
                        passkeyEndpoints ? Objects.requireNonNullElse(manageUrl, page) : null,
                        relatedOrigins)),
                AuthorizationFilter.class);
        if (signUp != null) {
            http.addFilterBefore(postProcess(signUpFilter(http, messages)), AuthorizationFilter.class);
        }
        PasskeysSignInRequiredFilter signInRequired = new PasskeysSignInRequiredFilter(basePath, messages);
        signInRequired.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
        http.addFilterAfter(postProcess(signInRequired), ExceptionTranslationFilter.class);
        http.addFilterBefore(postProcess(stepUpFilter(http, messages)), AuthorizationFilter.class);
        PasskeyRevocationFilter revocation = new PasskeyRevocationFilter(relyingParty, basePath, messages);
        revocation.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
        RememberMeServices rememberMe = http.getSharedObject(RememberMeServices.class);
        if (rememberMe != null) {
            revocation.setRememberMeServices(rememberMe);
        }
        // After the context is loaded, by SecurityContextHolderFilter or, with requireExplicitSave(false), by
        // SecurityContextPersistenceFilter, which comes after it: the header writer follows both.
        http.addFilterAfter(postProcess(revocation), HeaderWriterFilter.class);
        if (recovery != null) {
            addRecovery(http, messages);
        }
        List<String> postOnly =
                new ArrayList<>(List.of("/authentication/options", "/authentication", "/step-up/options"));
        if (signUp != null) {
            postOnly.addAll(List.of("/sign-up/options", "/sign-up"));
        }
        if (recovery != null) {
            postOnly.add("/recovery");
        }
        // After authorization: only POST is answered before the app's rules; another method is theirs to refuse first.
        http.addFilterAfter(
                postProcess(new PostOnlyEndpoints(basePath, postOnly, messages)), AuthorizationFilter.class);
        if (generatedLoginPage != null) {
            http.addFilterBefore(
                    postProcess(new PasskeyLoginPageFilter(generatedLoginPage, basePath, messages)),
                    DefaultLoginPageGeneratingFilter.class);
            // Spring adds its "sign out?" page where it generates the login page and logout is configured.
            if (http.getConfigurer(LogoutConfigurer.class) != null) {
                http.addFilterBefore(
                        postProcess(new PasskeyLogoutPageFilter(messages)), DefaultLogoutPageGeneratingFilter.class);
            }
        }
    }

    private void addRecovery(HttpSecurity http, PasskeysMessages messages) {
        RecoverySessionFilter limit = new RecoverySessionFilter(basePath, messages);
        limit.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
        http.addFilterBefore(postProcess(limit), AuthorizationFilter.class);
        if (recoveryCodes) {
            PasskeyRecovery forChain = recovery.withSessionHandling(
                    sessionStrategy(http), contextRepository(http), getSecurityContextHolderStrategy());
            http.addFilterBefore(
                    postProcess(new RecoveryCodeSignInFilter(
                            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, basePath + "/recovery"),
                            relyingParty.recoveryCodes(),
                            userDetailsService,
                            accountIds,
                            forChain,
                            messages,
                            new RecoveryRules(
                                    http.getSharedObject(ApplicationContext.class)
                                            .getBeanProvider(WebInvocationPrivilegeEvaluator.class),
                                    basePath))),
                    AuthorizationFilter.class);
        }
    }

    /** The starter's texts with the app's overrides, as its web configuration has them; else ours only. */
    private static PasskeysMessages messages(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        return context == null
                ? PasskeysMessages.ours()
                : context.getBeanProvider(PasskeysMessages.class).getIfAvailable(PasskeysMessages::ours);
    }

    private PasskeyStepUpFilter stepUpFilter(HttpSecurity http, PasskeysMessages messages) {
        return new PasskeyStepUpFilter(
                relyingParty,
                new PasskeyAccounts(relyingParty, accountIds),
                messages,
                basePath,
                defaultSuccessUrl,
                requestCache(http),
                contextRepository(http),
                getSecurityContextHolderStrategy());
    }

    private static SecurityContextRepository contextRepository(HttpSecurity http) {
        SecurityContextRepository contextRepository = http.getSharedObject(SecurityContextRepository.class);
        return contextRepository != null
                ? contextRepository
                : new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    }

    private PasskeyAuthenticationFilter signInFilter(HttpSecurity http, PasskeysMessages messages) {
        ProviderManager authenticationManager = new ProviderManager(
                new PasskeyAuthenticationProvider(relyingParty, userDetailsService, accountIds, events, observer));
        // Apps listening for Spring Security's AuthenticationSuccessEvent & co. hear passkey sign-ins as well, through
        // their own publisher when they have one.
        authenticationManager.setAuthenticationEventPublisher(authenticationEvents(http));
        PasskeyAuthenticationFilter filter = new PasskeyAuthenticationFilter(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, basePath + "/authentication"),
                authenticationManager,
                requestCache(http),
                defaultSuccessUrl,
                messages);
        if (successHandler != null) {
            filter.setAuthenticationSuccessHandler(successHandler);
        }
        if (failureHandler != null) {
            filter.setAuthenticationFailureHandler(failureHandler);
        }
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        if (context != null && context.containsBean(NOT_YET_MOVED)) {
            // Looked up at the first refusal that needs it: made by the JDBC configuration, which may come later.
            filter.setNotYetMoved(
                    id -> context.getBean(NOT_YET_MOVED, Predicate.class).test(id));
        }
        // The same session handling as form login: a new session id (fixation protection), a new CSRF token.
        filter.setSessionAuthenticationStrategy(sessionStrategy(http));
        filter.setSecurityContextRepository(contextRepository(http));
        filter.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
        // The app's http.rememberMe(): a passkey sign-in is remembered as a form login is (the request's
        // "remember-me" parameter, or always), and a failed one forgets, as a failed form login does.
        RememberMeServices rememberMe = http.getSharedObject(RememberMeServices.class);
        if (rememberMe != null) {
            filter.setRememberMeServices(rememberMe);
        }
        return filter;
    }

    /** The app's own AuthenticationEventPublisher (Spring Boot declares one), else Spring's default. */
    private AuthenticationEventPublisher authenticationEvents(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        AuthenticationEventPublisher publisher = context == null
                ? new DefaultAuthenticationEventPublisher(events)
                : context.getBeanProvider(AuthenticationEventPublisher.class)
                        .getIfUnique(() -> new DefaultAuthenticationEventPublisher(events));
        return new SignInEvents(publisher);
    }

    private PasskeySignUpFilter signUpFilter(HttpSecurity http, PasskeysMessages messages) {
        SignUpSignIn signIn = new SignUpSignIn(
                relyingParty,
                userDetailsService,
                signUp,
                sessionStrategy(http),
                contextRepository(http),
                getSecurityContextHolderStrategy(),
                requestCache(http),
                events,
                authenticationEvents(http),
                accountIds);
        return new PasskeySignUpFilter(relyingParty, signUp, signIn, messages, basePath);
    }

    private static RequestCache requestCache(HttpSecurity http) {
        RequestCache requestCache = http.getSharedObject(RequestCache.class);
        return requestCache != null ? requestCache : new HttpSessionRequestCache();
    }

    private static SessionAuthenticationStrategy sessionStrategy(HttpSecurity http) {
        SessionAuthenticationStrategy strategy = http.getSharedObject(SessionAuthenticationStrategy.class);
        return strategy != null ? strategy : new ChangeSessionIdAuthenticationStrategy();
    }
}
