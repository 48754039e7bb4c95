package io.github.passkeys4j.demo;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What the sign-up form posts; {@link #errors()} maps each invalid field to the key of its message in plain words
 * (messages.properties), so that the page shows it in the user's language. */
record SignupForm(String username, String password) {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    /** Also in the texts of messages*.properties ("at least 8 characters"). */
    static final int MIN_PASSWORD_LENGTH = 8;
    /** BCrypt, the delegating encoder's default, reads at most 72 bytes. */
    static final int MAX_PASSWORD_BYTES = 72;

    SignupForm {
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
    }

    static SignupForm empty() {
        return new SignupForm("", "");
    }

    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!USERNAME.matcher(username).matches()) {
            errors.put("username", "demo.signup.error.username");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            errors.put("password", "demo.signup.error.passwordShort");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            errors.put("password", "demo.signup.error.passwordLong");
        }
        return errors;
    }

    /** The form to show again: never echo the password back. */
    SignupForm withoutPassword() {
        return new SignupForm(username, "");
    }
}
