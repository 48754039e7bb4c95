package io.github.passkeys4j.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.config.Customizer;

import static org.assertj.core.api.Assertions.assertThat;

/** A base path that is not a plain prefix of its own stops the app at start-up, in one line naming the property. */
class BasePathTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PasskeysAutoConfiguration.class));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "",
                "//",
                "/passkeys/**",
                "/pass*",
                "/a/{id}",
                "/a b",
                "/a/../b",
                "/a;x",
                "/a%2Fb",
                "/a?b",
                "/./a"
            })
    void refused(String basePath) {
        runner.withPropertyValues("passkeys.base-path=" + basePath).run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOf(InvalidPasskeysPropertiesException.class);
            assertThat(cause.getMessage())
                    .contains("passkeys.base-path: \"" + basePath + "\" is not a plain path prefix")
                    .doesNotContain("\n");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/passkeys", "/passkeys/", "/account/passkeys", "/my-keys_v1.0", "passkeys"})
    void accepted(String basePath) {
        runner.withPropertyValues("passkeys.base-path=" + basePath).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean("passkeysHttpSecurityCustomizer", Customizer.class))
                    .isNotNull();
        });
    }

    @Test
    void normalized() {
        PasskeysProperties properties = new PasskeysProperties();
        properties.setBasePath("/account/passkeys/");
        assertThat(BasePath.of(properties)).isEqualTo("/account/passkeys");
    }
}
