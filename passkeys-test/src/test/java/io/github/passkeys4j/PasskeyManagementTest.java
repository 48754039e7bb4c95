package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Listing, renaming, enabling and deleting one's own passkeys — and never anyone else's. */
class PasskeyManagementTest {

    private static final String UNKNOWN_ID = "AAAAAAAAAAAAAAAAAAAAAA";

    private final Fixture fx = new Fixture();
    private final PasskeyManagement management = fx.rp.management();
    private final SoftwareAuthenticator bobsPhone = new SoftwareAuthenticator();

    @Test
    void listsTheUsersPasskeysOldestFirst() {
        List<Passkey> registered = new ArrayList<>();
        registered.add(fx.register("alice"));
        for (int i = 0; i < 4; i++) {
            fx.clock.advance(Duration.ofMinutes(1));
            registered.add(fx.register("alice", new SoftwareAuthenticator()));
        }
        fx.register("bob", bobsPhone);

        assertThat(management.list("alice")).containsExactlyElementsOf(registered);
    }

    @Test
    void listsNothingForAUserWithoutPasskeys() {
        fx.register("alice");

        assertThat(management.list("nobody")).isEmpty();
    }

    @Test
    void getsTheUsersPasskey() {
        Passkey phone = fx.register("alice");

        assertThat(management.get("alice", phone.credentialId())).isEqualTo(phone);
    }

    @Test
    void renamesWithTheNameTrimmed() {
        Passkey phone = fx.register("alice");

        Passkey renamed = management.update(
                "alice", phone.credentialId(), SettingsChange.rename("  Work phone \t"), OtherSignIn.NONE);

        assertThat(renamed).isEqualTo(phone.withName("Work phone"));
        assertThat(fx.stored(phone.credentialId())).isEqualTo(renamed);
        assertThat(management.get("alice", phone.credentialId()).name()).isEqualTo("Work phone");
    }

    @Test
    void acceptsANameOf64Characters() {
        Passkey phone = fx.register("alice");
        String longest = "x".repeat(64);

        assertThat(management
                        .update("alice", phone.credentialId(), SettingsChange.rename(longest), OtherSignIn.NONE)
                        .name())
                .isEqualTo(longest);
        assertThat(fx.stored(phone.credentialId()).name()).isEqualTo(longest);
    }

    static Stream<String> invalidNames() {
        return Stream.of(
                null,
                "",
                "   ",
                "\t",
                "x".repeat(65),
                " " + "y".repeat(65) + " ",
                "Work\u0000phone",
                "Work\nphone",
                "Work\u001Bphone",
                "Work\u007Fphone",
                "Work\u0085phone",
                "Phone\u0000");
    }

    @ParameterizedTest
    @MethodSource("invalidNames")
    void refusesAnInvalidNameAndKeepsTheOldOne(String name) {
        Passkey phone = fx.register("alice");

        fx.assertRefused(
                Reason.INVALID_NAME,
                () -> management.update("alice", phone.credentialId(), SettingsChange.rename(name), OtherSignIn.NONE));
        assertThat(fx.stored(phone.credentialId())).isEqualTo(phone);
    }

    @Test
    void anotherUsersPasskeyIsAnsweredExactlyLikeAnUnknownOne() {
        Passkey alices = fx.register("alice");
        Passkey bobs = fx.register("bob", bobsPhone);

        for (String id : Arrays.asList(bobs.credentialId(), UNKNOWN_ID, "", null)) {
            fx.assertRefused(Reason.PASSKEY_NOT_FOUND, () -> management.get("alice", id));
            fx.assertRefused(
                    Reason.PASSKEY_NOT_FOUND,
                    () -> management.update("alice", id, SettingsChange.rename("Mine now"), OtherSignIn.NONE));
            fx.assertRefused(
                    Reason.PASSKEY_NOT_FOUND, () -> management.setEnabled("alice", id, false, OtherSignIn.AVAILABLE));
            fx.assertRefused(
                    Reason.PASSKEY_NOT_FOUND, () -> management.setEnabled("alice", id, false, OtherSignIn.NONE));
            fx.assertRefused(
                    Reason.PASSKEY_NOT_FOUND, () -> management.setEnabled("alice", id, true, OtherSignIn.AVAILABLE));
            fx.assertRefused(Reason.PASSKEY_NOT_FOUND, () -> management.delete("alice", id, OtherSignIn.AVAILABLE));
            // Bob's only passkey is his last way in, but Alice must not learn that: not found, not LAST_SIGN_IN_METHOD.
            fx.assertRefused(Reason.PASSKEY_NOT_FOUND, () -> management.delete("alice", id, OtherSignIn.NONE));
        }
        assertThat(message(() -> management.get("alice", bobs.credentialId())))
                .isEqualTo(message(() -> management.get("alice", UNKNOWN_ID)));
        assertThat(fx.stored(bobs.credentialId())).isEqualTo(bobs);
        assertThat(fx.stored(alices.credentialId())).isEqualTo(alices);
    }

    @Test
    void aUserWhoNeverRegisteredCannotReachAnyPasskey() {
        Passkey alices = fx.register("alice");
        String id = alices.credentialId();

        for (String stranger : Arrays.asList("mallory", null)) {
            fx.assertRefused(Reason.PASSKEY_NOT_FOUND, () -> management.get(stranger, id));
            fx.assertRefused(
                    Reason.PASSKEY_NOT_FOUND,
                    () -> management.update(stranger, id, SettingsChange.rename("Mine now"), OtherSignIn.NONE));
            fx.assertRefused(
                    Reason.PASSKEY_NOT_FOUND, () -> management.setEnabled(stranger, id, false, OtherSignIn.AVAILABLE));
            fx.assertRefused(Reason.PASSKEY_NOT_FOUND, () -> management.delete(stranger, id, OtherSignIn.AVAILABLE));
        }
        assertThat(fx.stored(id)).isEqualTo(alices);
    }

    @Test
    void disablesAndEnablesAgain() {
        Passkey phone = fx.register("alice");
        String id = phone.credentialId();

        Passkey disabled = management.setEnabled("alice", id, false, OtherSignIn.AVAILABLE);
        assertThat(disabled).isEqualTo(phone.withEnabled(false));
        assertThat(fx.stored(id)).isEqualTo(disabled);
        assertThat(management.list("alice")).containsExactly(disabled);

        Passkey enabled = management.setEnabled("alice", id, true, OtherSignIn.NONE);
        assertThat(enabled).isEqualTo(phone);
        assertThat(fx.stored(id)).isEqualTo(phone);
    }

    @Test
    void aDisabledPasskeyCannotSignInUntilEnabledAgain() {
        Passkey phone = fx.register("alice");
        String id = phone.credentialId();
        management.setEnabled("alice", id, false, OtherSignIn.AVAILABLE);

        String discoverable = fx.assertion(StartAuthentication.discoverable(), new Tamper());
        fx.assertRefused(Reason.PASSKEY_DISABLED, () -> fx.signIn(discoverable));
        String named = fx.assertion(StartAuthentication.forUser("alice"), new Tamper());
        fx.assertRefused(Reason.PASSKEY_DISABLED, () -> fx.signIn(named));
        assertThat(fx.stored(id)).isEqualTo(phone.withEnabled(false));

        management.setEnabled("alice", id, true, OtherSignIn.NONE);
        AuthenticationResult result = fx.signIn(fx.assertion(StartAuthentication.discoverable(), new Tamper()));

        assertThat(result.user().username()).isEqualTo("alice");
        assertThat(result.passkey().credentialId()).isEqualTo(id);
        assertThat(fx.stored(id).lastUsedAt()).isEqualTo(Fixture.START);
    }

    @Test
    void aDeletedPasskeyIsGoneAndCannotSignIn() {
        Passkey phone = fx.register("alice");
        String id = phone.credentialId();

        assertThat(management.delete("alice", id, OtherSignIn.AVAILABLE)).isEqualTo(phone);

        assertThat(management.list("alice")).isEmpty();
        assertThat(fx.passkeys.findByCredentialId(id)).isEmpty();
        fx.assertRefused(Reason.PASSKEY_NOT_FOUND, () -> management.get("alice", id));
        fx.assertRefused(Reason.PASSKEY_NOT_FOUND, () -> management.delete("alice", id, OtherSignIn.AVAILABLE));
        String response = fx.assertion(StartAuthentication.discoverable(), new Tamper());
        fx.assertRefused(Reason.UNKNOWN_CREDENTIAL, () -> fx.signIn(response));
    }

    @Test
    void deletingOnePasskeyKeepsTheOthers() {
        Passkey phone = fx.register("alice");
        Passkey laptop = fx.register("alice", new SoftwareAuthenticator());
        Passkey bobs = fx.register("bob", bobsPhone);

        management.delete("alice", phone.credentialId(), OtherSignIn.NONE);

        assertThat(management.list("alice")).containsExactly(laptop);
        assertThat(management.list("bob")).containsExactly(bobs);
    }

    private static String message(Runnable call) {
        return catchThrowableOfType(call::run, PasskeyException.class).getMessage();
    }
}
