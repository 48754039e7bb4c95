package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.internal.PasskeysMessages;
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
            BrowserNames browserNames,
            PasskeysMessages messages) {
        String basePath = BasePath.of(properties);
        return new PasskeysDiagnosticsController(
                relyingParty,
                basePath,
                settings(relyingParty, properties, basePath, PasskeysStartupLog.storage(passkeys, describers)),
                browserNames,
                messages);
    }

    /**
     * What the page lists: the relying party's own values where it has them, else the properties'. No secrets. Names
     * and words are the bundle's keys (passkeys.diagnostics.*), shown in the request's language.
     */
    static List<Setting> settings(RelyingParty rp, PasskeysProperties properties, String basePath, String storage) {
        return List.of(
                Setting.plain("passkeys.diagnostics.setting.rp-id", rp.rpId(), "passkeys.rp-id"),
                Setting.plain("passkeys.diagnostics.setting.rp-name", rp.rpName(), "passkeys.rp-name"),
                Setting.plain(
                        "passkeys.diagnostics.setting.origins",
                        String.join(", ", new TreeSet<>(rp.origins())),
                        "passkeys.origins"),
                Setting.plain(
                        "passkeys.diagnostics.setting.user-verification",
                        rp.userVerification().name().toLowerCase(Locale.ROOT),
                        "passkeys.user-verification"),
                duration(
                        "passkeys.diagnostics.setting.ceremony-timeout",
                        rp.ceremonyTimeout(),
                        "passkeys.ceremony-timeout"),
                Setting.plain("passkeys.diagnostics.setting.storage", storage, null),
                Setting.plain("passkeys.diagnostics.setting.base-path", basePath, "passkeys.base-path"),
                Setting.plain(
                        "passkeys.diagnostics.setting.max-passkeys",
                        Integer.toString(rp.maxPasskeysPerUser()),
                        "passkeys.max-passkeys-per-user"),
                Setting.words(
                        "passkeys.diagnostics.setting.max-request-size",
                        "passkeys.diagnostics.value.kilobytes",
                        Long.toString(properties.getMaxRequestSize().toKilobytes()),
                        "passkeys.max-request-size"),
                yesNo(
                        "passkeys.diagnostics.setting.user-handle-match",
                        properties.isRequireUserHandleMatch(),
                        "passkeys.require-user-handle-match"),
                yesNo(
                        "passkeys.diagnostics.setting.sign-counter",
                        properties.isRefuseSignCounterRegression(),
                        "passkeys.refuse-sign-counter-regression"),
                properties.getProvidersFile() == null
                        ? Setting.words(
                                "passkeys.diagnostics.setting.providers",
                                "passkeys.diagnostics.value.bundled-list",
                                Integer.toString(rp.providers().size()),
                                "passkeys.providers-file")
                        : Setting.plain(
                                "passkeys.diagnostics.setting.providers",
                                Integer.toString(rp.providers().size()),
                                "passkeys.providers-file"),
                Setting.plain(
                        "passkeys.diagnostics.setting.success-url",
                        properties.getDefaultSuccessUrl(),
                        "passkeys.default-success-url"));
    }

    private static Setting yesNo(String name, boolean value, String property) {
        return Setting.words(name, value ? "passkeys.diagnostics.yes" : "passkeys.diagnostics.no", null, property);
    }

    private static Setting duration(String name, Duration duration, String property) {
        long seconds = duration.toSeconds();
        if (seconds == 60) {
            return Setting.words(name, "passkeys.diagnostics.value.minute", null, property);
        }
        return seconds % 60 == 0
                ? Setting.words(name, "passkeys.diagnostics.value.minutes", Long.toString(seconds / 60), property)
                : Setting.words(name, "passkeys.diagnostics.value.seconds", Long.toString(seconds), property);
    }
}
