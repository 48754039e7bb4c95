package io.github.passkeys4j.benchmarks.http;

import io.github.passkeys4j.testing.SoftwareAuthenticator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One app under test: its origin, its process (for CPU and memory), its kind of endpoints and the passkeys the set-up
 * registered on it, each on its own software authenticator (real P-256 keys and ES256 signatures). The authenticators
 * report a counter of 0 throughout, as synced passkeys do, so that clients sharing a passkey never look like a clone.
 */
final class Target {

    static final String PASSWORD = "correct horse battery";
    /** All the steps of a sign-in, for {@link #signIn}. */
    static final int FULL = 4;

    final String name;
    final String origin;
    final long pid;
    final Flavour flavour;
    final String startup;
    private final List<SoftwareAuthenticator> passkeys = new ArrayList<>();

    Target(String name, String origin, long pid, Flavour flavour, String startup) {
        this.name = name;
        this.origin = origin;
        this.pid = pid;
        this.flavour = flavour;
        this.startup = startup;
    }

    /**
     * The set-up, not measured: {@code count} users, each signed up and signed in with a password in a browser of
     * its own, then adding one passkey through the app's own registration endpoints.
     */
    void registerPasskeys(int count) throws IOException, InterruptedException {
        for (int i = 0; i < count; i++) {
            String username = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            Browser browser = new Browser(origin);
            Browser.Csrf csrf = flavour.csrf(expect(browser.get(Flavour.LOGIN_PAGE), 200, "login page"), "/login");
            Map<String, String> form = Map.of("username", username, "password", PASSWORD, "_csrf", csrf.token());
            expect(browser.postForm("/signup", form), 302, "sign-up");
            Browser.Answer signedIn = browser.postForm("/login", form);
            String location = signedIn.location() == null ? "" : signedIn.location();
            if (signedIn.status() != 302 || location.contains("error")) {
                throw new IllegalStateException(
                        name + ": password sign-in failed: " + signedIn.status() + " " + location);
            }
            csrf = flavour.csrf(
                    expect(browser.get(flavour.registrationPage), 200, "registration page"), flavour.registrationPage);
            String options =
                    expect(browser.postJson(flavour.registrationOptions, "{}", csrf), 200, "registration options");
            SoftwareAuthenticator authenticator =
                    new SoftwareAuthenticator(SoftwareAuthenticator.GOOGLE_PASSWORD_MANAGER, 0, 0);
            String credential = authenticator.register(SoftwareAuthenticator.creationOptions(options), origin);
            expect(
                    browser.postJson(flavour.registrationFinish, flavour.registrationBody(credential), csrf),
                    flavour.registrationFinishStatus,
                    "registration");
            passkeys.add(authenticator);
        }
    }

    /**
     * One complete passkey sign-in by a first-time visitor: the login page (for the CSRF token), options, the
     * authenticator's ES256 signature, finish. Each step's time goes to {@code times} in nanoseconds; the answer
     * must be the sign-in's 200 with its redirect URL, anything else throws. {@code steps} below {@link #FULL} stops
     * early (1: the login page only, 2: and options), to tell each request's server CPU apart by subtraction.
     */
    void signIn(int passkey, long[] times, int steps) throws IOException, InterruptedException {
        Browser browser = new Browser(origin);
        long start = System.nanoTime();
        String page = expect(browser.get(Flavour.LOGIN_PAGE), 200, "login page");
        Browser.Csrf csrf = flavour.csrf(page, Flavour.LOGIN_PAGE);
        long paged = System.nanoTime();
        times[0] = paged - start;
        if (steps == 1) {
            return;
        }
        String options = expect(
                browser.postJson(flavour.signInOptions, flavour.signInOptionsBody, csrf), 200, "sign-in options");
        long optioned = System.nanoTime();
        times[1] = optioned - paged;
        if (steps == 2) {
            return;
        }
        String assertion = passkeys.get(passkey % passkeys.size())
                .authenticate(SoftwareAuthenticator.requestOptions(options), origin);
        long signed = System.nanoTime();
        String answer = expect(browser.postJson(flavour.signInFinish, assertion, csrf), 200, "sign-in");
        long finished = System.nanoTime();
        if (!answer.contains("\"redirectUrl\"")) {
            throw new StepFailure("sign-in", 200, answer);
        }
        times[2] = signed - optioned;
        times[3] = finished - signed;
    }

    private String expect(Browser.Answer response, int status, String step) {
        if (response.status() != status) {
            throw new StepFailure(step, response.status(), response.body());
        }
        return response.body();
    }

    /** A step that did not get the answer a working sign-in gets. */
    static final class StepFailure extends RuntimeException {
        final String step;
        final int status;

        StepFailure(String step, int status, String body) {
            super(step + " answered " + status + ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
            this.step = step;
            this.status = status;
        }
    }
}
