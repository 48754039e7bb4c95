package io.github.passkeys4j.benchmarks;

import io.github.passkeys4j.FinishRegistration;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartAuthentication;
import io.github.passkeys4j.StartRegistration;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import io.github.passkeys4j.store.InMemoryPasskeyRepository;
import io.github.passkeys4j.store.InMemoryPendingCeremonyStore;
import io.github.passkeys4j.testing.SoftwareAuthenticator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The relying party under test: rpId {@code example.com}, origin {@code https://example.com}, every other setting at
 * its default, in-memory storage, and {@code users} accounts that each already have one passkey (so lookups run
 * against a store that is not empty). Each account's passkey lives on its own {@link SoftwareAuthenticator}, which
 * plays the browser and makes real ES256-signed W3C JSON responses.
 */
final class Site {

    static final String RP_ID = "example.com";
    static final String ORIGIN = "https://example.com";

    private static final Pattern CLIENT_DATA = Pattern.compile("\"clientDataJSON\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");

    final RelyingParty rp;
    final InMemoryPendingCeremonyStore pending;
    final InMemoryPasskeyRepository passkeys = new InMemoryPasskeyRepository();
    private final List<String> usernames;
    private final List<SoftwareAuthenticator> devices;
    private final String template;
    private final String templateChallenge;
    private final String templateClientData;

    private Site(int users) {
        // The default store, held here so the start benchmarks can take their challenges back.
        pending = new InMemoryPendingCeremonyStore();
        rp = RelyingParty.builder(RP_ID, "Example")
                .origins(Set.of(ORIGIN))
                .pendingCeremonies(pending)
                .passkeys(passkeys)
                .build();
        // Made on every core: a thousand key pairs take a while on one.
        String[] names = new String[users];
        SoftwareAuthenticator[] holders = new SoftwareAuthenticator[users];
        IntStream.range(0, users).parallel().forEach(i -> {
            names[i] = "user" + i;
            holders[i] = device();
            String created = holders[i].register(rp.startRegistration(StartRegistration.forUser(names[i])), ORIGIN);
            rp.finishRegistration(FinishRegistration.of(names[i], created));
        });
        usernames = List.of(names);
        devices = List.of(holders);

        // A new device's registration response for someone without an account; the ceremony is then dropped.
        PublicKeyCredentialCreationOptions options = rp.startRegistration(StartRegistration.forUser("template"));
        template = device().register(options, ORIGIN);
        pending.consume(options.challenge());
        templateChallenge = options.challenge();
        Matcher clientData = CLIENT_DATA.matcher(template);
        if (!clientData.find()) {
            throw new IllegalStateException("no clientDataJSON in " + template);
        }
        templateClientData = clientData.group(1);
    }

    static Site withUsers(int users) {
        if (users < 1) {
            throw new IllegalArgumentException("users must be at least 1");
        }
        return new Site(users);
    }

    String username(int i) {
        return usernames.get(Math.floorMod(i, usernames.size()));
    }

    /**
     * A browser's answer to a new registration for account {@code i} (modulo the number of accounts), to options the
     * server has just given. It is the template response with the new challenge in its client data: with "none"
     * attestation nothing signs the client data, so this is what a device that made the template's credential again
     * would answer, and the server parses and checks all of it as usual. (A fresh P-256 key pair per response would
     * cost more than the server's work, which would then warm up several times slower.) The credential is the same
     * each time, so whoever finishes a registration must delete the passkey before finishing the next.
     */
    Response registration(int i) {
        String username = username(i);
        PublicKeyCredentialCreationOptions options = rp.startRegistration(StartRegistration.forUser(username));
        String clientData = new String(Base64.getUrlDecoder().decode(templateClientData), StandardCharsets.UTF_8)
                .replace(templateChallenge, options.challenge());
        String encoded =
                Base64.getUrlEncoder().withoutPadding().encodeToString(clientData.getBytes(StandardCharsets.UTF_8));
        return new Response(username, template.replace(templateClientData, encoded));
    }

    /** A browser's answer to a username-less sign-in, made by account {@code i}'s (modulo the accounts) passkey. */
    Response assertion(int i) {
        PublicKeyCredentialRequestOptions options = rp.startAuthentication(StartAuthentication.discoverable());
        String json = devices.get(Math.floorMod(i, devices.size())).authenticate(options, ORIGIN);
        return new Response(username(i), json);
    }

    /**
     * A device that, like most synced passkeys (the library's main case), reports a signature counter of 0
     * throughout; the server's counter check and compare-and-set run all the same.
     */
    private static SoftwareAuthenticator device() {
        return new SoftwareAuthenticator(SoftwareAuthenticator.GOOGLE_PASSWORD_MANAGER, 0, 0);
    }

    /**
     * A response as the browser would post it.
     *
     * @param username  the account it is for (a registration is finished for the signed-in user)
     * @param json      the {@code PublicKeyCredential.toJSON()} text
     */
    record Response(String username, String json) {}
}
