package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The step-up decision on its own, on a test clock: only a {@code FACTOR_WEBAUTHN} younger than the maximum age
 * passes, and a refusal names that factor (missing or expired), which is what sends the user through the step-up.
 */
class PasskeyStepUpTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T20:00:00Z"));
    private final PasskeyStepUp<Object> stepUp = PasskeyStepUp.recentPasskey(Duration.ofMinutes(5), clock);

    @Test
    void aPasswordSignInIsMissingTheFactor() {
        FactorAuthorizationDecision decision =
                decide(signedIn(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                        .issuedAt(clock.instant())
                        .build()));
        assertThat(decision.isGranted()).isFalse();
        assertThat(decision.getFactorErrors()).singleElement().satisfies(error -> {
            assertThat(error.isMissing()).isTrue();
            assertThat(error.getRequiredFactor().getAuthority()).isEqualTo("FACTOR_WEBAUTHN");
        });
    }

    @Test
    void aStepUpCountsUntilTheMaximumAge() {
        Authentication steppedUp = PasskeyStepUpFilter.steppedUp(signedIn(), clock.instant());
        assertThat(decide(steppedUp).isGranted()).isTrue();
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(stepUp.isGranted(steppedUp)).isTrue();
        clock.advance(Duration.ofMillis(1));
        FactorAuthorizationDecision expired = decide(steppedUp);
        assertThat(expired.isGranted()).isFalse();
        assertThat(expired.getFactorErrors())
                .singleElement()
                .satisfies(e -> assertThat(e.isExpired()).isTrue());
    }

    @Test
    void aStepUpReplacesTheOldFactorAndKeepsEverythingElse() {
        Authentication old = signedIn(
                FactorGrantedAuthority.withAuthority("FACTOR_WEBAUTHN")
                        .issuedAt(clock.instant().minus(Duration.ofHours(1)))
                        .build(),
                FactorGrantedAuthority.withAuthority("FACTOR_PASSWORD")
                        .issuedAt(clock.instant().minus(Duration.ofHours(1)))
                        .build());
        assertThat(stepUp.isGranted(old)).isFalse();
        Authentication now = PasskeyStepUpFilter.steppedUp(old, clock.instant());
        assertThat(stepUp.isGranted(now)).isTrue();
        assertThat(now.getName()).isEqualTo("alice");
        assertThat(now).isInstanceOf(UsernamePasswordAuthenticationToken.class);
        assertThat(now.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_USER", "FACTOR_PASSWORD", "FACTOR_WEBAUTHN");
    }

    @Test
    void twoFactorsOfThatNameDoNotCountAndNobodySignedInIsRefused() {
        Authentication merged = signedIn(
                FactorGrantedAuthority.withAuthority("FACTOR_WEBAUTHN")
                        .issuedAt(clock.instant())
                        .build(),
                FactorGrantedAuthority.withAuthority("FACTOR_WEBAUTHN")
                        .issuedAt(clock.instant())
                        .build());
        assertThat(stepUp.isGranted(merged)).isFalse();
        assertThat(stepUp.isGranted(null)).isFalse();
        assertThat(stepUp.maxAge()).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> PasskeyStepUp.recentPasskey(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private FactorAuthorizationDecision decide(Authentication authentication) {
        return stepUp.authorize(() -> authentication, new Object());
    }

    private static Authentication signedIn(GrantedAuthority... factors) {
        List<GrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority("ROLE_USER")));
        authorities.addAll(List.of(factors));
        User user = new User("alice", "", authorities);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }
}
