package io.github.passkeys4j.sample;

import java.util.regex.Pattern;

/** What makes a username acceptable, in one place for sign-up and for a change of username. */
final class Usernames {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    static final String RULE = "Use 3 to 64 characters: letters, digits, dot, underscore or hyphen.";
    static final String TAKEN = "That username is taken. Choose another one.";

    private Usernames() {}

    static String clean(String username) {
        return username == null ? "" : username.strip();
    }

    static boolean valid(String username) {
        return VALID.matcher(username).matches();
    }
}
