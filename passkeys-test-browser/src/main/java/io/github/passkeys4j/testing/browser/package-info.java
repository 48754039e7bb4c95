/**
 * Test support shared by the browser tests of {@code passkeys-demo} and {@code passkeys-sample} (test scope): one
 * headless Chromium with Chrome's virtual authenticator, set up as ../shared/BROWSER-TESTING.md says, with a recorder
 * of {@code navigator.credentials.get} calls, phone widths, screenshots and a layout check.
 *
 * <p><b>Not API, not published.</b> It serves this repository's own tests on machines laid out like ours (Debian's
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}); it may change with any commit.
 */
package io.github.passkeys4j.testing.browser;
