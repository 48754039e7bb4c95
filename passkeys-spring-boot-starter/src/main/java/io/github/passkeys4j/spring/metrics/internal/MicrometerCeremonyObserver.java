package io.github.passkeys4j.spring.metrics.internal;

import io.github.passkeys4j.spring.metrics.CeremonyObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.function.Supplier;

/**
 * Records each ceremony finish as the timer {@code passkeys.ceremony} with tags {@code ceremony}
 * (registration, authentication), {@code outcome} (success, failure) and {@code reason} (the failed check, or
 * {@code none}). A timer also counts, so one meter answers both "how many refused, why" and "how long".
 *
 * <p>Internal: created by the auto-configuration; not API, may change in any release.
 */
public final class MicrometerCeremonyObserver implements CeremonyObserver {

    public static final String METER = "passkeys.ceremony";

    private final MeterRegistry registry;

    public MicrometerCeremonyObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public <T> T observe(String ceremony, Supplier<T> work) {
        Timer.Sample sample = Timer.start(registry);
        try {
            T result = work.get();
            sample.stop(timer(ceremony, "success", "none"));
            return result;
        } catch (RuntimeException e) {
            sample.stop(timer(ceremony, "failure", CeremonyObserver.reasonOf(e)));
            throw e;
        }
    }

    private Timer timer(String ceremony, String outcome, String reason) {
        return Timer.builder(METER)
                .description("Finishing a passkey ceremony on the server: verification and storage")
                .tag("ceremony", ceremony)
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(registry);
    }
}
