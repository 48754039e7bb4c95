package io.github.passkeys4j.spring.web;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The fuzz properties' run settings: {@code -Dpasskeys.fuzz.tries=N} sets every property's number of tries (the
 * suite's are small), {@code -Dpasskeys.fuzz.seed=S} replays a run. A failure says, in the message Surefire prints,
 * the command that replays it: jqwik writes its seed only to its own report, which Surefire does not show.
 */
public final class FuzzSettings implements AroundPropertyHook {

    static final String TRIES = "passkeys.fuzz.tries";
    static final String SEED = "passkeys.fuzz.seed";

    /** Registered on a class, for each of its properties (jqwik's default would be the class alone). */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        Integer tries = Integer.getInteger(TRIES);
        if (tries != null) {
            context.attributes().setTries(tries);
        }
        String seed = System.getProperty(SEED);
        if (seed != null && !seed.isBlank()) {
            context.attributes().setSeed(seed.strip());
        }
        PropertyExecutionResult result = property.execute();
        if (result.status() != PropertyExecutionResult.Status.FAILED) {
            return result;
        }
        String replay =
                "Replay: mvn -o -pl passkeys-spring-boot-starter -am verify -Dsurefire.failIfNoSpecifiedTests=false"
                        + " -Dtest='" + context.containerClass().getSimpleName() + "#"
                        + context.targetMethod().getName()
                        + "' -D" + SEED + "=" + result.seed().orElse("(none)")
                        + (tries != null ? " -D" + TRIES + "=" + tries : "")
                        + "\n(seed " + result.seed().orElse("(none)") + ", after " + result.countTries() + " tries; the"
                        + " sample: "
                        + result.shrunkSample()
                                .map(s -> (Object) s.parameters())
                                .or(() -> result.originalSample().map(s -> s.parameters()))
                                .orElse("?")
                        + ")";
        Throwable cause = result.throwable().orElse(null);
        AssertionError failure = new AssertionError(replay + "\n" + (cause == null ? "" : cause.getMessage()), cause);
        return result.mapToFailed(failure);
    }
}
