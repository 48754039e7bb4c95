package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.browser.Browser;

import java.util.Map;

/** The result of the demo's {@code GET /me} made by the page's own fetch, with the browser's cookies. */
record Me(long status, String username, String authenticatedWith) {

    static Me fetch(Browser browser) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) browser.runAsync("""
                const done = arguments[arguments.length - 1];
                fetch('/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
                  .then(r => r.json().then(body => done({ status: r.status, body })))
                  .catch(e => done({ status: -1, body: { error: String(e) } }));
                """);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) result.get("body");
        return new Me(
                (Long) result.get("status"), (String) body.get("username"), (String) body.get("authenticatedWith"));
    }
}
