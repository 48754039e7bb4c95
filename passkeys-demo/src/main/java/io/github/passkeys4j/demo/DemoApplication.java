package io.github.passkeys4j.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small app with password users that adds passkeys with nothing but the starter dependency, a
 * {@code UserDetailsService} and the passkeys script on its login page. Not API.
 */
@SpringBootApplication
public class DemoApplication {

    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }
}
