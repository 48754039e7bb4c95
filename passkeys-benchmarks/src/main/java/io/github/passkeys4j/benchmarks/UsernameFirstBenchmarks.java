package io.github.passkeys4j.benchmarks;

import io.github.passkeys4j.StartAuthentication;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Username-first sign-in options for a username with an account and one without: the two should cost about the same
 * (the same lookups, one more HMAC derivation for the stand-ins), so timing tells little about who has an account.
 * In-memory storage here: with JDBC, each is one account read and one passkey read that find a row or none.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UsernameFirstBenchmarks {

    /** An account with one passkey: its credential, with transports, in allowCredentials. */
    @Benchmark
    public PublicKeyCredentialRequestOptions startUsernameFirstKnown(SiteState state) {
        String username = state.nextUsername();
        return state.site.rp.startAuthentication(StartAuthentication.usernameFirst(username, username));
    }

    /** A username nobody has: stand-ins of the same shape. */
    @Benchmark
    public PublicKeyCredentialRequestOptions startUsernameFirstUnknown(SiteState state) {
        return state.site.rp.startAuthentication(
                StartAuthentication.usernameFirst("nobody" + state.nextUsername(), null));
    }
}
