package io.github.passkeys4j.benchmarks;

import io.github.passkeys4j.FinishRegistration;
import io.github.passkeys4j.StartRegistration;
import io.github.passkeys4j.benchmarks.Site.Response;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.store.Passkey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The server's side of adding a passkey to an existing account (one that already has one passkey, so the options
 * list it in {@code excludeCredentials}). The browser's part (key generation, signing) is never measured.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
// Each benchmark warms up until its figure stops improving (on these machines), and no longer, to keep the run short.
public class RegistrationBenchmarks {

    /**
     * Creation options for a signed-in user: look the account and its passkeys up, make and remember a challenge.
     * The challenge is then taken back (a map removal, tens of nanoseconds), as the finished ceremony would: otherwise
     * millions of never-finished ceremonies pile up in the store and the figure measures its sweeping instead.
     */
    @Benchmark
    @Measurement(iterations = 5, time = 1)
    public PublicKeyCredentialCreationOptions startRegistration(SiteState state) {
        PublicKeyCredentialCreationOptions options =
                state.site.rp.startRegistration(StartRegistration.forUser(state.nextUsername()));
        state.site.pending.consume(options.challenge());
        return options;
    }

    /**
     * Parse the browser's response, verify it (challenge, origin, RP ID hash, flags, "none" attestation, COSE key),
     * name the passkey after its provider, and store it. The new passkey is deleted again (one map removal) so every
     * call sees a store of the same size.
     */
    @Benchmark
    @Warmup(iterations = 8, time = 2) // Jackson and webauthn4j's parsing take some 30,000 calls to compile fully
    public Passkey finishRegistration(SiteState state, NewPasskey next) {
        Response response = next.response;
        Passkey passkey = state.site.rp.finishRegistration(FinishRegistration.of(response.username(), response.json()));
        state.site.passkeys.delete(passkey.credentialId());
        return passkey;
    }

    /**
     * A fresh registration response before each call, for the accounts in turn (see {@link Site#registration}).
     * Level.Invocation rather than a pool made per iteration: each response answers a one-time challenge, so a pool
     * must hold more than the iteration will use, and on these shared two-core machines the rate swings threefold
     * between iterations; the pool would either run dry mid-measurement or cost more to make than the iteration lasts.
     * One call takes a couple of hundred microseconds, where JMH's two timestamps around it (tens of nanoseconds) do
     * not show.
     */
    @State(Scope.Thread)
    public static class NewPasskey {
        Response response;
        private int account;

        @Setup(Level.Invocation)
        public void create(SiteState state) {
            response = state.site.registration(account++);
        }
    }
}
