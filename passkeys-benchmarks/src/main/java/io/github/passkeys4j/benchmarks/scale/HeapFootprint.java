package io.github.passkeys4j.benchmarks.scale;

import io.github.passkeys4j.FinishRegistration;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartAuthentication;
import io.github.passkeys4j.StartRegistration;
import io.github.passkeys4j.store.InMemoryPasskeyRepository;
import io.github.passkeys4j.store.InMemoryPasskeyUserRepository;
import io.github.passkeys4j.store.InMemoryPendingCeremonyStore;
import io.github.passkeys4j.store.InMemoryUsedChallengeStore;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyUser;
import io.github.passkeys4j.testing.SoftwareAuthenticator;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Heap per entry of the in-memory stores: the used heap after full GCs, before and after {@code count} entries made
 * through the relying party where the library makes them (pending ceremonies, used challenges) or as a store holds
 * them (passkeys and accounts copied from a registered one, each string its own object). Run with
 * {@code -XX:+UseSerialGC} so that a GC leaves only live objects. Markdown to stdout.
 */
public final class HeapFootprint {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        StringBuilder out = new StringBuilder();
        out.append("| in-memory store: entries made by | entries | heap bytes per entry |\n|---|---|---|\n");

        InMemoryPendingCeremonyStore registrations = new InMemoryPendingCeremonyStore(Clock.systemUTC(), count + 1);
        RelyingParty forRegistrations = rp().pendingCeremonies(registrations).build();
        row(
                out,
                "InMemoryPendingCeremonyStore: `startRegistration` for a new account",
                count,
                i -> forRegistrations.startRegistration(StartRegistration.forUser("user" + i)),
                registrations);

        InMemoryPendingCeremonyStore signIns = new InMemoryPendingCeremonyStore(Clock.systemUTC(), count + 1);
        InMemoryPasskeyRepository passkeys = new InMemoryPasskeyRepository();
        RelyingParty forSignIns =
                rp().pendingCeremonies(signIns).passkeys(passkeys).build();
        for (int r = 0; r < 10; r++) { // accounts with two passkeys each, so the state lists two credential ids
            for (int p = 0; p < 2; p++) {
                String created = new SoftwareAuthenticator()
                        .register(forSignIns.startRegistration(StartRegistration.forUser("a" + r)), ScaleSite.ORIGIN);
                forSignIns.finishRegistration(FinishRegistration.of("a" + r, created));
            }
        }
        row(
                out,
                "InMemoryPendingCeremonyStore: `startAuthentication(forAccount)`, 2 passkeys",
                count,
                i -> forSignIns.startAuthentication(StartAuthentication.forAccount("a" + (i % 10))),
                signIns);

        InMemoryUsedChallengeStore used = new InMemoryUsedChallengeStore(Clock.systemUTC(), count + 1);
        Instant until = Instant.now().plusSeconds(600);
        row(
                out,
                "InMemoryUsedChallengeStore: a finished username-less sign-in",
                count,
                i -> used.markUsed(random(32), until.plusNanos(i * 1000L)),
                used);

        Passkey template = forSignIns.management().list("a0").get(0);
        InMemoryPasskeyRepository stored = new InMemoryPasskeyRepository();
        String[] account = new String[1];
        row(
                out,
                "InMemoryPasskeyRepository: a passkey (2 per account)",
                count,
                i -> stored.add(template.toBuilder()
                        .credentialId(random(16))
                        .userHandle(i % 2 == 0 ? (account[0] = random(64)) : account[0])
                        .publicKey(new String(template.publicKey().toCharArray()))
                        .name(new String(template.name().toCharArray()))
                        .createdAt(Instant.now())
                        .lastUsedAt(Instant.now())
                        .build()),
                stored);

        InMemoryPasskeyUserRepository users = new InMemoryPasskeyUserRepository();
        row(
                out,
                "InMemoryPasskeyUserRepository: an account",
                count,
                i -> users.create(PasskeyUser.newAccount("account-" + i, "user" + i + "@example.com")),
                users);
        System.out.print(out);
    }

    private static RelyingParty.Builder rp() {
        return RelyingParty.builder(ScaleSite.RP_ID, "Example").origins(Set.of(ScaleSite.ORIGIN));
    }

    private static void row(StringBuilder out, String what, int count, IntConsumer fill, Object store)
            throws InterruptedException {
        long before = usedAfterGc();
        for (int i = 0; i < count; i++) {
            fill.accept(i);
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(store);
        out.append(
                String.format(Locale.ROOT, "| %s | %,d | %,.0f |%n", what, count, (after - before) / (double) count));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
