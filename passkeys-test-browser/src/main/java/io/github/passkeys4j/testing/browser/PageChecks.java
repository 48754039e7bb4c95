package io.github.passkeys4j.testing.browser;

import java.util.ArrayList;
import java.util.List;

/**
 * Every check of a page state, in light and in dark mode: {@link Browser#checkLayout} (geometry, with a screenshot)
 * and {@link Axe} (accessibility). Failures are collected, so that one run lists every problem of every state; call
 * {@link #assertAllPassed()} at the end.
 */
public final class PageChecks {

    private static final List<String> SCHEMES = List.of("light", "dark");

    private final Browser browser;
    private final List<String> failures = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    public PageChecks(Browser browser) {
        this.browser = browser;
    }

    /** Checks the page as it is now, named {@code state} (also the screenshot's name), light then dark. */
    public PageChecks check(String state) {
        for (String scheme : SCHEMES) {
            browser.colorScheme(scheme);
            try {
                browser.checkLayout(state);
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
            try {
                Axe.assertNoViolations(browser, state);
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
            checked.add(state + " (" + browser.shownAs() + ")");
        }
        browser.colorScheme("light");
        return this;
    }

    /** The states checked so far, with width and colour scheme. */
    public List<String> checked() {
        return List.copyOf(checked);
    }

    /** Fails with every problem found, if any. */
    public void assertAllPassed() {
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " check(s) failed of " + checked.size() + ":\n\n"
                    + String.join("\n\n", failures));
        }
    }
}
