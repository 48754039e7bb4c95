package io.github.passkeys4j.minimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A wrong passkeys.* set-up stops the real app with Boot's failure report naming the property, without a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class MisconfiguredAppTest {

    @Test
    void anOriginOutsideTheRpIdStopsTheApp(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(MinimalApp.class)
                        .properties(
                                "server.port=0", "passkeys.rp-id=example.com", "passkeys.origins=https://example.org")
                        .run()
                        .close())
                .rootCause()
                .hasMessageContaining("passkeys.origins: https://example.org is not under passkeys.rp-id example.com");
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Passkeys for Java found a set-up that cannot work:")
                .contains("    passkeys.origins: https://example.org is not under passkeys.rp-id example.com")
                .contains("Fix the passkeys.* properties named above.");
    }

    @Test
    void aBasePathOfSlashStopsTheAppWithTheSameReport(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(MinimalApp.class)
                        .properties("server.port=0", "passkeys.base-path=/")
                        .run()
                        .close())
                .rootCause()
                .hasMessageContaining("passkeys.base-path: \"/\" is not a plain path prefix");
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Passkeys for Java found a set-up that cannot work:")
                .contains("    passkeys.base-path: \"/\" is not a plain path prefix");
    }
}
