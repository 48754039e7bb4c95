package io.github.passkeys4j.spring.web.internal;

import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.store.InMemoryPasskeyRepository;
import io.github.passkeys4j.store.InMemoryPasskeyUserRepository;
import io.github.passkeys4j.store.InMemoryPendingCeremonyStore;
import io.github.passkeys4j.store.StorageTransaction;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The diagnostics page's test runs. Each run is a relying party with the app's settings
 * ({@link RelyingParty#toBuilder()}) but its own in-memory stores, so the test passkey and its user handle never reach
 * the app's storage; a run is forgotten when its sign-in was verified, when it failed, or when its ceremony time is
 * up. At most {@value #MAX_RUNS} at once, on this instance only (a development tool, not for a cluster).
 */
final class DiagnosticRuns {

    static final int MAX_RUNS = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RelyingParty app;
    private final PasskeysMessages messages;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    DiagnosticRuns(RelyingParty app, PasskeysMessages messages) {
        this.app = app;
        this.messages = messages;
    }

    record Run(String id, RelyingParty relyingParty, Instant expiresAt) {}

    /** A new run; refused when {@value #MAX_RUNS} are under way. */
    Run start() {
        Instant now = app.clock().instant();
        runs.values().removeIf(run -> !run.expiresAt().isAfter(now));
        if (runs.size() >= MAX_RUNS) {
            throw new Busy();
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = "diagnostics-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        RelyingParty throwaway = app.toBuilder()
                .passkeys(new InMemoryPasskeyRepository())
                .users(new InMemoryPasskeyUserRepository())
                .pendingCeremonies(new InMemoryPendingCeremonyStore(app.clock(), 4))
                .transaction(StorageTransaction.NONE)
                .maxPasskeysPerUser(1)
                .keepAttestation(false)
                .build();
        // Two ceremonies, each with the app's time limit.
        Run run = new Run(id, throwaway, now.plus(app.ceremonyTimeout().multipliedBy(2)));
        runs.put(id, run);
        return run;
    }

    /** The run, while under way; else refused with the bundle's words in {@code locale}. */
    Run get(String id, Locale locale) {
        Run run = id == null ? null : runs.get(id);
        if (run == null || !run.expiresAt().isAfter(app.clock().instant())) {
            throw new PasskeyException(
                    PasskeyException.Reason.CHALLENGE_UNKNOWN, messages.get("passkeys.diagnostics.run-over", locale));
        }
        return run;
    }

    void end(String id) {
        runs.remove(id);
    }

    int size() {
        return runs.size();
    }

    /** {@value #MAX_RUNS} runs are under way: answered 429 with the bundle's passkeys.diagnostics.busy. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("passkeys.diagnostics.busy", null, false, false);
        }
    }
}
