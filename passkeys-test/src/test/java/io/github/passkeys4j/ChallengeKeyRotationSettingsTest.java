package io.github.passkeys4j;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A challenge key must sign for longer than a challenge lives: stores keep only the last few periods' keys, so a
 * rotation shorter than the ceremony timeout would refuse sign-ins still in time (and make a key for a past period).
 */
class ChallengeKeyRotationSettingsTest {

    @Test
    void aRotationShorterThanTheCeremonyTimeoutPlusTheMarginIsRefused() {
        RelyingParty.Builder builder = RelyingParty.builder("example.com", "Example")
                .ceremonyTimeout(Duration.ofMinutes(10))
                .challengeKeyRotation(Duration.ofMinutes(1));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("challengeKeyRotation (PT1M) must be at least the ceremony timeout (PT10M) plus PT2M");
    }

    @Test
    void aRotationOfTheTimeoutPlusTheMarginIsAccepted() {
        RelyingParty relyingParty = RelyingParty.builder("example.com", "Example")
                .ceremonyTimeout(Duration.ofMinutes(10))
                .challengeKeyRotation(Duration.ofMinutes(12))
                .build();

        assertThat(relyingParty.ceremonyTimeout()).isEqualTo(Duration.ofMinutes(10));
    }
}
