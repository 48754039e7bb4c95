package io.github.passkeys4j.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused {@code passkeys.*} set-up into Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
final class InvalidPasskeysPropertiesFailureAnalyzer
        extends AbstractFailureAnalyzer<InvalidPasskeysPropertiesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidPasskeysPropertiesException cause) {
        return new FailureAnalysis(
                "Passkeys for Java found a set-up that cannot work:\n\n    " + String.join("\n    ", cause.problems())
                        + "\n",
                "Fix the passkeys.* properties named above. The RP ID is your site's domain (e.g. example.com); each"
                        + " origin is https://<that domain or a subdomain>[:port], or http(s)://localhost for development.",
                cause);
    }
}
