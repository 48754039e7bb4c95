-- Passkeys for Java, schema version 6 for PostgreSQL: passkeys_spent_challenge replaces passkeys_used_challenge.
-- Run it after V5__passkeys_attestation_trusted.sql.

-- A finished sign-in's challenge by the first 64 bits of the SHA-256 of its key, not by the key itself
-- (43 characters): a smaller table and a cheaper insert per sign-in.
CREATE TABLE IF NOT EXISTS passkeys_spent_challenge (
    challenge_id BIGINT                   NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT passkeys_spent_challenge_pk PRIMARY KEY (challenge_id)
);

CREATE INDEX IF NOT EXISTS passkeys_spent_challenge_expires_at_idx ON passkeys_spent_challenge (expires_at);

-- Challenges used before the upgrade stay used until they expire. Nodes of the old release refuse passkey sign-ins
-- once the old table is gone (they fail closed), so upgrade them together. (sha256() needs PostgreSQL 11.)
-- Safe to run again: the old table is made (empty) when missing, only to be dropped.
CREATE TABLE IF NOT EXISTS passkeys_used_challenge (
    challenge_hash VARCHAR(64)              NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT passkeys_used_challenge_pk PRIMARY KEY (challenge_hash)
);

INSERT INTO passkeys_spent_challenge (challenge_id, expires_at)
SELECT live.challenge_id, MAX(live.expires_at)
FROM (SELECT ('x' || encode(substr(sha256(convert_to(challenge_hash, 'UTF8')), 1, 8), 'hex'))::bit(64)::bigint
                 AS challenge_id,
             expires_at
      FROM passkeys_used_challenge
      WHERE expires_at > CURRENT_TIMESTAMP) live
GROUP BY live.challenge_id
ON CONFLICT (challenge_id) DO NOTHING;

DROP TABLE IF EXISTS passkeys_used_challenge;

INSERT INTO passkeys_schema_version (version, description, installed_at)
VALUES (6, 'passkeys_spent_challenge', CURRENT_TIMESTAMP)
ON CONFLICT (version) DO NOTHING;
