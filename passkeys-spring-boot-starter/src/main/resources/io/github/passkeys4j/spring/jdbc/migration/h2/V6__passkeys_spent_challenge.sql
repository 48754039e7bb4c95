-- Passkeys for Java, schema version 6 for H2: passkeys_spent_challenge replaces passkeys_used_challenge. Run it
-- after V5__passkeys_attestation_trusted.sql, once (it drops the version-3 table).

-- A finished sign-in's challenge by the first 64 bits of the SHA-256 of its key, not by the key itself
-- (43 characters): a smaller table and a cheaper insert per sign-in.
CREATE TABLE IF NOT EXISTS passkeys_spent_challenge (
    challenge_id BIGINT                      NOT NULL,
    expires_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT passkeys_spent_challenge_pk PRIMARY KEY (challenge_id)
);

CREATE INDEX IF NOT EXISTS passkeys_spent_challenge_expires_at_idx ON passkeys_spent_challenge (expires_at);

-- Challenges used before the upgrade stay used until they expire. Nodes of the old release refuse passkey sign-ins
-- once the old table is gone (they fail closed), so upgrade them together.
INSERT INTO passkeys_spent_challenge (challenge_id, expires_at)
SELECT CAST(SUBSTRING(HASH('SHA-256', STRINGTOUTF8(challenge_hash)), 1, 8) AS BIGINT), MAX(expires_at)
FROM passkeys_used_challenge
WHERE expires_at > CURRENT_TIMESTAMP
GROUP BY CAST(SUBSTRING(HASH('SHA-256', STRINGTOUTF8(challenge_hash)), 1, 8) AS BIGINT);

DROP TABLE IF EXISTS passkeys_used_challenge;

INSERT INTO passkeys_schema_version (version, description, installed_at)
SELECT 6, 'passkeys_spent_challenge', CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM passkeys_schema_version WHERE version = 6);
