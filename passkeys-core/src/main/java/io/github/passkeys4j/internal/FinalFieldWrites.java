package io.github.passkeys4j.internal;

import org.jspecify.annotations.Nullable;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Whether this JVM lets our code write a final field through reflection without a word (JEP 500). Before JDK 26 it
 * always does. From 26 on such a write prints a warning naming our class (26's default,
 * {@code --illegal-final-field-mutation=warn}) or fails (a later default, {@code deny}), unless the JVM was started
 * with {@code --enable-final-field-mutation} naming our module ({@code ALL-UNNAMED} on the class path) or with
 * {@code --illegal-final-field-mutation=allow}. Read from the JVM's arguments; an executable JAR's
 * {@code Enable-Final-Field-Mutation} manifest attribute is not seen, so there the answer is a cautious no.
 */
final class FinalFieldWrites {

    static final String ENABLE = "--enable-final-field-mutation";
    static final String ILLEGAL = "--illegal-final-field-mutation";

    private FinalFieldWrites() {}

    /** For this JVM and the module of this class. */
    static boolean allowedQuietly() {
        int feature = Runtime.version().feature();
        if (feature < 26) {
            return true;
        }
        List<String> arguments;
        try {
            arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (RuntimeException | LinkageError e) { // an image without java.management
            return false;
        }
        return allowedQuietly(feature, arguments, FinalFieldWrites.class.getModule());
    }

    /** The option that allows our module's writes, e.g. {@code --enable-final-field-mutation=ALL-UNNAMED}. */
    static String enablingOption() {
        return ENABLE + "=" + nameOf(FinalFieldWrites.class.getModule());
    }

    /** As the JDK reads these options: both take {@code =value} or the value as the next argument; the last wins. */
    static boolean allowedQuietly(int feature, List<String> jvmArguments, Module module) {
        if (feature < 26) {
            return true;
        }
        String self = nameOf(module);
        boolean enabled = false;
        String illegal = "warn";
        for (int i = 0; i < jvmArguments.size(); i++) {
            String argument = jvmArguments.get(i);
            String next = i + 1 < jvmArguments.size() ? jvmArguments.get(i + 1) : "";
            String enable = valueOf(argument, ENABLE, next);
            if (enable != null && List.of(enable.split(",")).contains(self)) {
                enabled = true;
            }
            String mode = valueOf(argument, ILLEGAL, next);
            if (mode != null) {
                illegal = mode;
            }
        }
        return enabled || illegal.equals("allow");
    }

    private static String nameOf(Module module) {
        return module.isNamed() ? module.getName() : "ALL-UNNAMED";
    }

    private static @Nullable String valueOf(String argument, String option, String next) {
        if (argument.startsWith(option + "=")) {
            return argument.substring(option.length() + 1);
        }
        return argument.equals(option) ? next : null;
    }
}
