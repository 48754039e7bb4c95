package io.github.passkeys4j.spring.web;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The sign-in properties once more on a real PostgreSQL (where a failed statement aborts the whole transaction), with
 * fewer tries: the parsing is the same, the storage is what differs.
 */
class AuthenticationFuzzPostgresProperties extends AuthenticationFuzzProperties {

    @Override
    FuzzApp app() {
        return FuzzApp.postgres();
    }

    @Override
    @Property(tries = 10)
    void changedAssertionJsonSignsNobodyIn(@ForAll("jsonEdits") JsonEdits.Edit edit) {
        super.changedAssertionJsonSignsNobodyIn(edit);
    }

    @Override
    @Property(tries = 10)
    void signedButBrokenClientDataSignsNobodyIn(@ForAll("clientDataEdits") JsonEdits.Edit edit) {
        super.signedButBrokenClientDataSignsNobodyIn(edit);
    }

    @Override
    @Property(tries = 10)
    void signedButBrokenAuthenticatorDataSignsNobodyIn(
            @ForAll("authenticatorDataEdits") SignedAuthDataEdits.SignedAuthDataEdit edit) {
        super.signedButBrokenAuthenticatorDataSignsNobodyIn(edit);
    }

    @Override
    @Property(tries = 5)
    void flippedBitsAfterSigningSignNobodyIn(
            @ForAll("signedMembers") String member,
            @ForAll @IntRange(max = 10_000) int position,
            @ForAll @IntRange(max = 7) int bit) {
        super.flippedBitsAfterSigningSignNobodyIn(member, position, bit);
    }
}
