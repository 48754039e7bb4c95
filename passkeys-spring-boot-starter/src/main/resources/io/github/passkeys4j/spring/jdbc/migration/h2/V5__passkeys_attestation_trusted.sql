-- Passkeys for Java, schema version 5 for H2: a column of passkeys_credential. Run it after
-- V4__passkeys_recovery_codes.sql. Safe to run again.

-- Whether the passkey's attestation statement chained to a root the app trusted at registration (issue 12); rows
-- stored before version 5 are not.
ALTER TABLE passkeys_credential ADD COLUMN IF NOT EXISTS attestation_trusted BOOLEAN DEFAULT FALSE NOT NULL;

INSERT INTO passkeys_schema_version (version, description, installed_at)
SELECT 5, 'passkeys_credential.attestation_trusted', CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM passkeys_schema_version WHERE version = 5);
