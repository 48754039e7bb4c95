package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.web.internal.BrowserNames;
import io.github.passkeys4j.spring.web.internal.PasskeysDiagnosticsController;
import io.github.passkeys4j.spring.web.internal.PasskeysDiagnosticsController.Setting;
import io.github.passkeys4j.store.PasskeyRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** The developer diagnostics page, when {@code passkeys.diagnostics.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("passkeys.diagnostics.enabled")
class PasskeysDiagnosticsConfiguration {

    @Bean
    PasskeysDiagnosticsController passkeysDiagnosticsController(
            RelyingParty relyingParty,
            PasskeysProperties properties,
            PasskeyRepository passkeys,
            ObjectProvider<PasskeysStorageDescriber> describers,
            BrowserNames browserNames) {
        String basePath = BasePath.of(properties);
        return new PasskeysDiagnosticsController(
                relyingParty,
                basePath,
                settings(relyingParty, properties, basePath, PasskeysStartupLog.storage(passkeys, describers)),
                browserNames);
    }

    /** What the page lists: the relying party's own values where it has them, else the properties'. No secrets. */
    static List<Setting> settings(RelyingParty rp, PasskeysProperties properties, String basePath, String storage) {
        return List.of(
                new Setting("Relying party ID", rp.rpId(), "passkeys.rp-id"),
                new Setting("Relying party name", rp.rpName(), "passkeys.rp-name"),
                new Setting("Allowed origins", String.join(", ", new TreeSet<>(rp.origins())), "passkeys.origins"),
                new Setting(
                        "User verification",
                        rp.userVerification().name().toLowerCase(Locale.ROOT),
                        "passkeys.user-verification"),
                new Setting("Time to finish a ceremony", words(rp.ceremonyTimeout()), "passkeys.ceremony-timeout"),
                new Setting("Storage", storage, null),
                new Setting("Base path", basePath, "passkeys.base-path"),
                new Setting(
                        "Passkeys per account, at most",
                        Integer.toString(rp.maxPasskeysPerUser()),
                        "passkeys.max-passkeys-per-user"),
                new Setting(
                        "Largest request body",
                        properties.getMaxRequestSize().toKilobytes() + " KB",
                        "passkeys.max-request-size"),
                new Setting(
                        "Response's user handle must match",
                        yesNo(properties.isRequireUserHandleMatch()),
                        "passkeys.require-user-handle-match"),
                new Setting(
                        "Signature counter going back refused",
                        yesNo(properties.isRefuseSignCounterRegression()),
                        "passkeys.refuse-sign-counter-regression"),
                new Setting(
                        "Known passkey providers",
                        rp.providers().size() + (properties.getProvidersFile() == null ? " (bundled list)" : ""),
                        "passkeys.providers-file"),
                new Setting(
                        "After a passkey sign-in, go to",
                        properties.getDefaultSuccessUrl(),
                        "passkeys.default-success-url"));
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 60 == 0) {
            return seconds / 60 + (seconds == 60 ? " minute" : " minutes");
        }
        return seconds + " seconds";
    }
}
