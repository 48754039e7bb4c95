-- Passkeys for Java, schema version 3 for H2: the sealed sign-in challenge tables. Run it after
-- V2__passkeys_schema_version.sql. Safe to run again.

-- Sealed sign-in challenges (issue 10): starting a username-less sign-in writes nothing; finishing one records its
-- challenge's SHA-256 here once (the primary key makes it exactly-once across nodes) until it would have expired
-- anyway. The keys that seal challenges, one per rotation period, made once by whichever node needs one first.
CREATE TABLE IF NOT EXISTS passkeys_used_challenge (
    challenge_hash VARCHAR(64)                 NOT NULL,
    expires_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT passkeys_used_challenge_pk PRIMARY KEY (challenge_hash)
);

CREATE INDEX IF NOT EXISTS passkeys_used_challenge_expires_at_idx ON passkeys_used_challenge (expires_at);

CREATE TABLE IF NOT EXISTS passkeys_challenge_key (
    key_id     BIGINT                      NOT NULL,
    secret     VARCHAR(128)                NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT passkeys_challenge_key_pk PRIMARY KEY (key_id)
);

INSERT INTO passkeys_schema_version (version, description, installed_at)
SELECT 3, 'passkeys_used_challenge, passkeys_challenge_key', CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM passkeys_schema_version WHERE version = 3);
