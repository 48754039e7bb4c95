package io.github.passkeys4j.testing.browser;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * axe-core's accessibility rules run in the page (BROWSER-TESTING point 11). {@code axe.min.js} comes from the npm
 * registry at build time (src/build/fetch-axe.sh, a pinned version whose tarball's SHA-512 is checked) and is injected
 * into the page; every rule axe runs by default (WCAG 2.x A and AA, best practices) must pass.
 */
public final class Axe {

    private static final String SOURCE = Chromium.resource("axe.min.js");

    /** Runs axe on the whole document and hands back the violations in a form made for reading. */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] }).then(results => done(results.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help, url: v.helpUrl,
              nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary || '',
                html: n.html.length > 200 ? n.html.slice(0, 200) + '…' : n.html }))
            }))), error => done([{ id: 'axe-error', impact: 'error', help: String(error), url: '', nodes: [] }]));
            """;

    private Axe() {}

    /**
     * Asserts that axe finds no violation on the page as shown now; the failure lists each rule, its help link and
     * the elements with what to fix. {@code state} names what the page shows, for the message.
     */
    public static void assertNoViolations(Browser browser, String state) {
        List<Map<String, Object>> violations = violations(browser);
        if (!violations.isEmpty()) {
            throw new AssertionError("[axe-core on " + state + " at " + browser.shownAs() + "] " + violations.size()
                    + " violation(s):\n" + describe(violations) + "\nURL: "
                    + browser.driver().getCurrentUrl());
        }
    }

    /** The violations axe finds now (injecting axe first if the page does not have it). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> violations(Browser browser) {
        if (!Boolean.TRUE.equals(browser.run("return typeof window.axe === 'object';"))) {
            browser.run(SOURCE);
        }
        return (List<Map<String, Object>>) browser.runAsync(RUN);
    }

    @SuppressWarnings("unchecked")
    private static String describe(List<Map<String, Object>> violations) {
        return violations.stream()
                .map(v -> "- " + v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " " + v.get("url")
                        + ((List<Map<String, Object>>) v.get("nodes"))
                                .stream()
                                        .map(n -> "\n    " + n.get("target") + "  " + n.get("html") + "\n      "
                                                + String.valueOf(n.get("summary"))
                                                        .replace("\n", "\n      "))
                                        .collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }
}
