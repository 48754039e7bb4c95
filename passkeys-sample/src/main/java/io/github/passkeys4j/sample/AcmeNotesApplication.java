package io.github.passkeys4j.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Acme Notes: a small notes app with its own user table, roles, an HTTP API and a context path, written as an
 * existing app would be, that then added passkeys by following the starter's README. Not API: its tests drive the
 * starter inside an app nobody on the library wrote for it.
 */
@SpringBootApplication
public class AcmeNotesApplication {

    public static void main(String[] args) {
        SpringApplication.run(AcmeNotesApplication.class, args);
    }
}
