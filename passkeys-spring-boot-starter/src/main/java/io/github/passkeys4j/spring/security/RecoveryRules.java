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
    private final AtomicBoolean couldNotAsk = new AtomicBoolean();

    RecoveryRules(ObjectProvider<WebInvocationPrivilegeEvaluator> evaluators, String basePath) {
        this.evaluators = evaluators;
        this.basePath = basePath;
    }

    /** {@code false} when the app's rules refuse a recovery session of {@code username} what recovery needs. */
    boolean admit(HttpServletRequest request, String username) {
        WebInvocationPrivilegeEvaluator evaluator = evaluators.getIfUnique();
        if (evaluator == null) {
            return true;
        }
        try {
            return admit(evaluator, request, username);
        } catch (RuntimeException e) {
            // A rule that needs more of the request than the evaluator's stand-in has (an address, a header):
            // recovery goes on as before this check, and the log says the check could not be made.
            if (couldNotAsk.compareAndSet(false, true)) {
                log.warn(
                        "Passkeys for Java: could not ask the app's authorization rules whether a recovery session"
                                + " may add a passkey (" + e + "); recovery codes are taken without that check",
                        e);
            }
            return true;
        }
    }

    private boolean admit(WebInvocationPrivilegeEvaluator evaluator, HttpServletRequest request, String username) {
        Authentication session = UsernamePasswordAuthenticationToken.authenticated(
                User.withUsername(username).password("").authorities(List.of()).build(),
                null,
                List.of(FactorGrantedAuthority.withAuthority(PasskeyRecovery.AUTHORITY)
                        .issuedAt(Instant.now())
                        .build()));
        String contextPath = request.getContextPath();
        for (String[] step : new String[][] {
            {"GET", basePath + "/manage"},
            {"GET", basePath + "/credentials"},
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
