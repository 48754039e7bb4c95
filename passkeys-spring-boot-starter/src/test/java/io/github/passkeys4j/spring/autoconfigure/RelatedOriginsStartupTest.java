package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.RelyingParty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@code passkeys.related-origins} entry browsers would never match stops the app, naming the entry. */
class RelatedOriginsStartupTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PasskeysAutoConfiguration.class));

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http://example.co.uk | http://example.co.uk is not an https origin",
                "example.co.uk | example.co.uk is not an https origin",
                "https://example.co.uk/login | https://example.co.uk/login has a path",
                "https://Example.co.uk | https://Example.co.uk has upper-case letters; write https://example.co.uk",
                "https://example.co.uk:443 | https://example.co.uk:443 names the default port",
                "android:apk-key-hash:abc | android:apk-key-hash:abc is not an https origin"
            })
    void anOriginThatIsNotHttpsStopsTheApp(String origin, String message) {
        runner.withPropertyValues("passkeys.related-origins=https://fine.example," + origin)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidPasskeysPropertiesException.class)
                        .hasMessageStartingWith("Passkeys for Java cannot start: ")
                        .hasMessageContaining("passkeys.related-origins: " + message)
                        .message()
                        .doesNotContain("fine.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.co.uk", "https://login.example.de:8443", "https://xn--bcher-kva.example"})
    void httpsOriginsStart(String origin) {
        runner.withPropertyValues("passkeys.related-origins=" + origin)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(RelyingParty.class));
    }
}
