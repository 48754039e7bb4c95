package io.github.passkeys4j.bench.floor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The benchmark's floor: the same HTTP conversation as the demo's passkey sign-in (login page, options, finish) on
 * the same server (Boot, Tomcat, Spring MVC, Jackson), with handlers that do nothing but the one thing no passkey
 * sign-in can skip: an ES256 signature check with the JDK's provider. No Spring Security, no database, no session.
 */
@SpringBootApplication
public class FloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(FloorApplication.class, args);
    }
}
