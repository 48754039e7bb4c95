package io.github.passkeys4j.spring.web;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The registration properties once more on a real PostgreSQL (where a failed statement aborts the whole
 * transaction), with fewer tries: the parsing is the same, the storage is what differs.
 */
class RegistrationFuzzPostgresProperties extends RegistrationFuzzProperties {

    @Override
    FuzzApp app() {
        return FuzzApp.postgres();
    }

    @Override
    @Property(tries = 10)
    void changedRegistrationJson(@ForAll("jsonEdits") JsonEdits.Edit edit) {
        super.changedRegistrationJson(edit);
    }

    @Override
    @Property(tries = 10)
    void changedAttestationObject(@ForAll("attestationEdits") CborEdits.AttestationEdit edit) {
        super.changedAttestationObject(edit);
    }

    @Override
    @Property(tries = 5)
    void changedClientDataJson(@ForAll("clientDataEdits") JsonEdits.Edit edit) {
        super.changedClientDataJson(edit);
    }
}
