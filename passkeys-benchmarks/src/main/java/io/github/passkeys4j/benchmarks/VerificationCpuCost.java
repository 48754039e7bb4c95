package io.github.passkeys4j.benchmarks;

import io.github.passkeys4j.FinishAuthentication;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time (this thread's, so other work on a shared machine counts little) per {@code finishAuthentication} with the
 * verifier's BouncyCastle signature check and with webauthn4j's own (the JDK's providers), and per raw ES256
 * verification with each, interleaved in rounds in one JVM (issue 13). The webauthn4j path is put back by reflection
 * for the measurement only. Not JMH: JMH's wall-clock figures swing severalfold on the shared two-core machines.
 *
 * <pre>java -cp ... io.github.passkeys4j.benchmarks.VerificationCpuCost [calls per round, 300] [rounds, 8]</pre>
 */
public final class VerificationCpuCost {

    private static final List<String> MODES = List.of("finish-bc", "finish-jdk", "raw-bc", "raw-bc-key", "raw-jdk");
    private static final int WARM_UP_ROUNDS = 4;

    private VerificationCpuCost() {}

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Site site = Site.withUsers(200);
        Object adv = ((com.webauthn4j.WebAuthnManager)
                        field(field(field(site.rp, "authentication"), "verifier"), "manager"))
                .getAuthenticationDataVerifier();
        Field signatures = adv.getClass().getDeclaredField("assertionSignatureVerifier");
        signatures.setAccessible(true);
        Object ours = signatures.get(adv);
        Object webauthn4js = new com.webauthn4j.verifier.internal.AssertionSignatureVerifier();
        AuthenticationBenchmarks.RawSignature raw = new AuthenticationBenchmarks.RawSignature();
        raw.sign();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> figures = new TreeMap<>();
        int account = 0;
        for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
            for (String mode : MODES) {
                List<String> assertions = new ArrayList<>();
                if (mode.startsWith("finish")) {
                    for (int i = 0; i < calls; i++)
                        assertions.add(site.assertion(account++).json());
                }
                signatures.set(adv, mode.equals("finish-jdk") ? webauthn4js : ours);
                long started = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    switch (mode) {
                        case "finish-bc", "finish-jdk" ->
                            site.rp.finishAuthentication(new FinishAuthentication(assertions.get(i)));
                        case "raw-bc" -> raw.verify(raw.bouncyCastle);
                        case "raw-bc-key" -> raw.verifyPrepared();
                        default -> raw.verify(null);
                    }
                }
                double micros = (threads.getCurrentThreadCpuTime() - started) / 1e3 / calls;
                if (round >= WARM_UP_ROUNDS)
                    figures.computeIfAbsent(mode, m -> new ArrayList<>()).add(micros);
            }
        }
        signatures.set(adv, ours);
        System.out.println("# java " + System.getProperty("java.vm.version") + "; our path: "
                + ours.getClass().getName());
        figures.forEach((mode, list) -> {
            List<Double> sorted = new ArrayList<>(list);
            Collections.sort(sorted);
            System.out.printf(
                    "%-11s median %7.1f us CPU/op  (min %.1f, max %.1f; %d rounds of %d)%n",
                    mode, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), rounds, calls);
        });
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }
}
