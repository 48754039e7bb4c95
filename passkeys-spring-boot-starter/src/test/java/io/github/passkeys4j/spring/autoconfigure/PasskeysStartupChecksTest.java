package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.RelyingParty;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Each wrong {@code passkeys.*} set-up stops the context with one line naming the property and the value seen. */
class PasskeysStartupChecksTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PasskeysAutoConfiguration.class));

    private void assertRefused(String message, String... properties) {
        runner.withPropertyValues(properties)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidPasskeysPropertiesException.class)
                        .hasMessageStartingWith("Passkeys for Java cannot start: ")
                        .hasMessageContaining(message)
                        .message()
                        .doesNotContain("\n"));
    }

    private void assertAccepted(String... properties) {
        runner.withPropertyValues(properties)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(RelyingParty.class));
    }

    @Test
    void originOutsideTheRpIdIsRefused() {
        assertRefused(
                "passkeys.origins: https://example.org is not under passkeys.rp-id example.com",
                "passkeys.rp-id=example.com",
                "passkeys.origins=https://example.org");
    }

    @Test
    void originThatOnlyEndsLikeTheRpIdIsRefused() {
        assertRefused(
                "passkeys.origins: https://notexample.com is not under passkeys.rp-id example.com",
                "passkeys.rp-id=example.com",
                "passkeys.origins=https://notexample.com");
    }

    @Test
    void subdomainOriginsAreAccepted() {
        assertAccepted(
                "passkeys.rp-id=example.com",
                "passkeys.origins=https://example.com,https://login.example.com,https://a.b.example.com:8443");
    }

    @Test
    void publicSuffixRpIdIsRefused() {
        assertRefused(
                "passkeys.rp-id: com is a top-level domain",
                "passkeys.rp-id=com",
                "passkeys.origins=https://example.com");
    }

    @Test
    void aSingleLabelRpIdIsAcceptedOnlyAsTheExactHostOfEveryOrigin() {
        assertAccepted("passkeys.rp-id=intranet", "passkeys.origins=https://intranet");
        assertRefused("passkeys.rp-id: intranet is a top-level domain", "passkeys.rp-id=intranet");
        assertRefused(
                "passkeys.rp-id: intranet is a top-level domain",
                "passkeys.rp-id=intranet",
                "passkeys.origins=https://intranet,https://example.com");
    }

    @Test
    void urlAsRpIdIsRefusedWithoutBlamingTheOriginsMadeFromIt() {
        assertRefused(
                "passkeys.rp-id: https://example.com is a URL, not a domain", "passkeys.rp-id=https://example.com");
        runner.withPropertyValues("passkeys.rp-id=https://example.com")
                .run(context ->
                        assertThat(context).getFailure().rootCause().message().doesNotContain("passkeys.origins"));
    }

    @Test
    void upperCaseOrIpRpIdIsRefused() {
        assertRefused("passkeys.rp-id: Example.com is not a lower-case domain name", "passkeys.rp-id=Example.com");
        assertRefused("passkeys.rp-id: 192.168.1.10 is an IP address", "passkeys.rp-id=192.168.1.10");
    }

    @Test
    void originWithAPathIsRefused() {
        assertRefused(
                "passkeys.origins: https://example.com/login has a path, query, fragment or user name",
                "passkeys.rp-id=example.com",
                "passkeys.origins=https://example.com/login");
        assertRefused(
                "passkeys.origins: https://example.com/ has a path",
                "passkeys.rp-id=example.com",
                "passkeys.origins=https://example.com/");
    }

    @Test
    void originWithQueryFragmentOrUserInfoIsRefused() {
        assertRefused(
                "https://example.com?x=1 has a path, query",
                "passkeys.rp-id=example.com",
                "passkeys.origins=https://example.com?x=1");
        assertRefused(
                "https://example.com#top has a path, query",
                "passkeys.rp-id=example.com",
                "passkeys.origins=https://example.com#top");
        assertRefused(
                "https://admin@example.com has a path, query, fragment or user name",
                "passkeys.rp-id=example.com",
                "passkeys.origins=https://admin@example.com");
    }

    @Test
    void originWithoutSchemeIsRefused() {
        assertRefused(
                "passkeys.origins: example.com is not an origin",
                "passkeys.rp-id=example.com",
                "passkeys.origins=example.com");
        assertRefused(
                "passkeys.origins: ftp://example.com is not an origin",
                "passkeys.rp-id=example.com",
                "passkeys.origins=ftp://example.com");
    }

    /** An IP address is never an origin browsers accept, so the message must not suggest https://<address>. */
    @Test
    void anIpAddressOriginIsRefusedWithAHostNameToUseInstead() {
        assertRefused(
                "passkeys.origins: http://127.0.0.1:8080 has an IP address, which browsers never accept for passkeys"
                        + " (the RP ID must be a domain name): use a host name, here http://localhost:8080",
                "passkeys.origins=http://127.0.0.1:8080");
        runner.withPropertyValues("passkeys.origins=http://127.0.0.1:8080")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .message()
                        .doesNotContain("https://127.0.0.1"));
        assertRefused(
                "passkeys.origins: https://10.0.0.5 has an IP address",
                "passkeys.rp-id=example.com",
                "passkeys.origins=https://10.0.0.5");
    }

    @Test
    void plainHttpIsRefusedExceptOnLocalhost() {
        assertRefused(
                "passkeys.origins: http://example.com is plain http",
                "passkeys.rp-id=example.com",
                "passkeys.origins=http://example.com");
        assertAccepted("passkeys.rp-id=localhost", "passkeys.origins=http://localhost:8080");
        assertAccepted("passkeys.rp-id=app.localhost", "passkeys.origins=http://app.localhost:8080");
    }

    @Test
    void defaultPortAndUpperCaseHostAreRefusedBecauseBrowsersNeverSendThem() {
        assertRefused(
                "passkeys.origins: https://example.com:443 names the default port",
                "passkeys.rp-id=example.com",
                "passkeys.origins=https://example.com:443");
        assertRefused(
                "passkeys.origins: https://Example.com has upper-case letters",
                "passkeys.rp-id=example.com",
                "passkeys.origins=https://Example.com");
    }

    @Test
    void portWildcardIsOnlyForLocalhost() {
        assertRefused(
                "passkeys.origins: https://example.com:* has a port wildcard",
                "passkeys.rp-id=example.com",
                "passkeys.origins=https://example.com:*");
        assertAccepted("passkeys.origins=http://localhost:*");
    }

    @Test
    void theDefaultsAreAccepted() {
        assertAccepted();
        assertAccepted("passkeys.rp-id=example.com");
    }

    @Test
    void ceremonyTimeoutMustBePositiveAndAtMostAnHour() {
        assertRefused("passkeys.ceremony-timeout: PT0S must be positive", "passkeys.ceremony-timeout=0s");
        assertRefused("passkeys.ceremony-timeout: PT-1M must be positive", "passkeys.ceremony-timeout=-1m");
        assertRefused("passkeys.ceremony-timeout: PT2H is longer than PT1H", "passkeys.ceremony-timeout=2h");
    }

    @Test
    void challengeKeyRotationMustOutlastTheCeremonyTimeout() {
        assertRefused(
                "passkeys.challenge-key-rotation: PT1M must be at least passkeys.ceremony-timeout (PT10M) plus PT2M",
                "passkeys.challenge-key-rotation=1m",
                "passkeys.ceremony-timeout=10m");
        assertRefused(
                "passkeys.challenge-key-rotation: PT30S is shorter than 1m", "passkeys.challenge-key-rotation=30s");
        assertAccepted("passkeys.challenge-key-rotation=12m", "passkeys.ceremony-timeout=10m");
    }

    @Test
    void maxPasskeysPerUserMustBeAtLeastOne() {
        assertRefused("passkeys.max-passkeys-per-user: 0 must be at least 1", "passkeys.max-passkeys-per-user=0");
    }

    @Test
    void maxRequestSizeMustBePositive() {
        assertRefused("passkeys.max-request-size: 0B must be positive", "passkeys.max-request-size=0");
    }

    @Test
    void everyProblemIsNamedInTheSameLine() {
        assertRefused(
                "passkeys.origins: https://example.org is not under passkeys.rp-id example.com (its host must "
                        + "be example.com or end with .example.com); passkeys.origins: http://login.example.com is plain http",
                "passkeys.rp-id=example.com",
                "passkeys.origins=https://example.org,http://login.example.com");
    }

    @Test
    void androidAppOriginsPassTheStartupCheckAsTheyAre() {
        assertThat(PasskeysPropertiesValidator.problems(
                        properties("example.com", "android:apk-key-hash:5rXGmLG2mM0ZtN1dGxEEZGQ7cNb5bq0wr-GShjQmHOw")))
                .isEmpty();
    }

    @Test
    void anAppsOwnRelyingPartyIsNotChecked() {
        runner.withBean(
                        RelyingParty.class,
                        () -> RelyingParty.builder("example.org", "Own").build())
                .withPropertyValues("passkeys.rp-id=com")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void bootsFailureReportListsEachProblemOnItsOwnLine() {
        PasskeysProperties properties = properties("example.com", "https://example.org");
        properties.setMaxPasskeysPerUser(0);
        InvalidPasskeysPropertiesException failure =
                new InvalidPasskeysPropertiesException(PasskeysPropertiesValidator.problems(properties));
        FailureAnalysis analysis = new InvalidPasskeysPropertiesFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription())
                .contains("\n    passkeys.origins: https://example.org is not under passkeys.rp-id example.com")
                .contains("\n    passkeys.max-passkeys-per-user: 0 must be at least 1");
        assertThat(analysis.getAction()).contains("passkeys.*");
    }

    private static PasskeysProperties properties(String rpId, String... origins) {
        PasskeysProperties properties = new PasskeysProperties();
        properties.setRpId(rpId);
        properties.setOrigins(java.util.List.of(origins));
        return properties;
    }
}
