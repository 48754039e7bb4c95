package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several origins for one RP ID: an Android app, every subdomain by an explicit wildcard, and nothing more. */
class SeveralOriginsTest {

    static final String ANDROID = "android:apk-key-hash:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA";

    private final Fixture fx =
            new Fixture(builder -> builder.origins(Set.of("https://example.com", "https://*.example.com", ANDROID)));

    private String assertionFrom(String origin) {
        fx.register("alice");
        PublicKeyCredentialRequestOptions options = fx.rp.startAuthentication(StartAuthentication.discoverable());
        return fx.authenticator.authenticate(options, origin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com", "https://app.example.com", "https://a.b.example.com", ANDROID})
    void listedOriginsSignIn(String origin) {
        assertThat(fx.signIn(assertionFrom(origin)).user().username()).isEqualTo("alice");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evilexample.com",
                "https://evil-example.com",
                "https://example.com.evil.test",
                "http://app.example.com",
                "https://app.example.com:8443",
                "https://.example.com",
                "android:apk-key-hash:yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy",
                "android:apk-key-hash-sha256:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA"
            })
    void otherOriginsAreRefusedAndNothingIsStored(String origin) {
        String response = assertionFrom(origin);

        fx.assertRefused(Reason.ORIGIN_NOT_ALLOWED, () -> fx.signIn(response));
    }

    @Test
    void theRefusalNamesTheOriginToAddAndItsSetting() {
        String response = assertionFrom("https://shop.example.org");

        assertThatThrownBy(() -> fx.signIn(response))
                .isInstanceOfSatisfying(
                        PasskeyException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ORIGIN_NOT_ALLOWED))
                .hasMessage("The page's origin \"https://shop.example.org\" is not allowed: add it to the relying"
                        + " party's origins (passkeys.origins in Spring Boot).");
    }

    /** The same allow-list, asked directly (the Spring Boot starter warns with it when options come from elsewhere). */
    @Test
    void allowsOriginAnswersAsTheChecksDo() {
        assertThat(fx.rp.allowsOrigin("https://example.com")).isTrue();
        assertThat(fx.rp.allowsOrigin("https://app.example.com")).isTrue();
        assertThat(fx.rp.allowsOrigin(ANDROID)).isTrue();
        assertThat(fx.rp.allowsOrigin("https://evilexample.com")).isFalse();
        assertThat(fx.rp.allowsOrigin("http://example.com")).isFalse();
        assertThat(fx.rp.allowsOrigin("https://app.example.com:8443")).isFalse();
        assertThat(fx.rp.allowsOrigin("not an origin")).isFalse();
        assertThat(fx.rp.allowsOrigin("")).isFalse();
        assertThat(fx.rp.allowsOrigin(null)).isFalse();
    }

    @Test
    void withoutTheWildcardASubdomainIsRefused() {
        Fixture exact = new Fixture(builder -> builder.origins(Set.of("https://example.com")));
        exact.register("alice");
        String response = exact.authenticator.authenticate(
                exact.rp.startAuthentication(StartAuthentication.discoverable()), "https://app.example.com");

        exact.assertRefused(Reason.ORIGIN_NOT_ALLOWED, () -> exact.signIn(response));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://*.evil.test",
                "https://*.com",
                "https://*.ample.com",
                "http://*.example.com",
                "https://*.example.com:8443",
                "https://*.*.example.com",
                "https://*.Example.com",
                "android:apk-key-hash:abc",
                "android:apk-key-hash:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA=",
                "android:apk-key-hash:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx+",
            })
    void badOriginsAreRefusedWhenBuilding(String origin) {
        assertThatThrownBy(() -> RelyingParty.builder("example.com", "Example").origins(Set.of(origin)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(origin);
    }

    @Test
    void aWildcardUnderASubdomainOfTheRpIdIsAllowed() {
        assertThat(RelyingParty.builder("example.com", "Example")
                        .origins(Set.of("https://*.eu.example.com"))
                        .build()
                        .origins())
                .containsExactly("https://*.eu.example.com");
    }
}
