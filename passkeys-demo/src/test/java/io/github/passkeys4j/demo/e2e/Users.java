package io.github.passkeys4j.demo.e2e;

import java.util.UUID;

/** Test users: a unique name per test, so tests sharing one application context never collide. */
final class Users {

    static final String PASSWORD = "correct horse battery";

    private Users() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
