package io.github.passkeys4j.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the app's authorization rules let a recovery session do what it is for, open the passkeys page and add a
 * passkey, asked before a recovery code is spent. A recovery session has none of the user's roles, so a rule such as
 * {@code requestMatchers("/passkeys/**").hasRole("USER")} refuses it, and the user would be left on a 403 with a
 * spent code.
 */
final class RecoveryRules {

    private static final Log log = LogFactory.getLog(RecoveryRules.class);

    // Looked up at the first recovery: Spring Security makes the evaluator from the chains this filter is part of.
    private final ObjectProvider<WebInvocationPrivilegeEvaluator> evaluators;
    private final String basePath;
    private final AtomicBoolean warned = new AtomicBoolean();

    RecoveryRules(ObjectProvider<WebInvocationPrivilegeEvaluator> evaluators, String basePath) {
        this.evaluators = evaluators;
        this.basePath = basePath;
    }

    /** {@code false} when the app's rules refuse a recovery session of {@code username} what recovery needs. */
    boolean admit(HttpServletRequest request, String username) {
        WebInvocationPrivilegeEvaluator evaluator = evaluators.getIfAvailable();
        if (evaluator == null) {
            return true;
        }
        Authentication session = UsernamePasswordAuthenticationToken.authenticated(
                User.withUsername(username).password("").authorities(List.of()).build(),
                null,
                List.of(FactorGrantedAuthority.withAuthority(PasskeyRecovery.AUTHORITY)
                        .issuedAt(Instant.now())
                        .build()));
        String contextPath = request.getContextPath();
        for (String[] step : new String[][] {
            {"GET", basePath + "/manage"},
            {"POST", basePath + "/registration/options"},
            {"POST", basePath + "/registration"}
        }) {
            if (!evaluator.isAllowed(contextPath, step[1], step[0], session)) {
                if (warned.compareAndSet(false, true)) {
                    log.warn("Passkeys for Java: recovery codes cannot work here, so none is accepted: the app's"
                            + " authorization rules refuse a recovery session " + step[0] + " " + step[1] + ". It has"
                            + " one authority, " + PasskeyRecovery.AUTHORITY + ", none of the user's roles: let it"
                            + " through, e.g. .requestMatchers(\"" + basePath + "/**\").hasAnyAuthority(\"ROLE_USER\","
                            + " PasskeyRecovery.AUTHORITY), or set passkeys.recovery.enabled=false");
                }
                return false;
            }
        }
        return true;
    }
}
