package io.github.passkeys4j.spring.autoconfigure;

import java.util.List;

/**
 * {@code passkeys.*} describe a set-up that cannot work; the message names each property and the value seen, in one
 * line. Boot's start-up failure report shows it through {@link InvalidPasskeysPropertiesFailureAnalyzer}.
 */
public final class InvalidPasskeysPropertiesException extends IllegalStateException {

    private final List<String> problems;

    InvalidPasskeysPropertiesException(List<String> problems) {
        super("Passkeys for Java cannot start: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, e.g. "passkeys.origins: https://example.org is not under passkeys.rp-id example.com (…)". */
    public List<String> problems() {
        return problems;
    }
}
