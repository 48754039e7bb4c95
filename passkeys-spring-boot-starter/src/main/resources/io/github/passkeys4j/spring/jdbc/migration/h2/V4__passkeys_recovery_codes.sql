-- Passkeys for Java, schema version 4 for H2: the recovery-code tables. Run it after
-- V3__passkeys_sealed_challenges.sql. Safe to run again.

-- Recovery codes (issue 11): one row per code of an account, only its slow hash (PBKDF2, salt and iteration count
-- inside code_hash); used_at is set once (UPDATE ... WHERE used_at IS NULL makes a code work exactly once across
-- nodes). Wrong tries are counted per key (an account id, or a hash of an unknown username) until until_at.
CREATE TABLE IF NOT EXISTS passkeys_recovery_code (
    account_id VARCHAR(255) NOT NULL,
    code_id    VARCHAR(32)  NOT NULL,
    code_hash  VARCHAR(255) NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT passkeys_recovery_code_pk PRIMARY KEY (account_id, code_id)
);

CREATE TABLE IF NOT EXISTS passkeys_recovery_attempt (
    attempt_key VARCHAR(255) NOT NULL,
    failures    INTEGER      NOT NULL,
    until_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT passkeys_recovery_attempt_pk PRIMARY KEY (attempt_key)
);

CREATE INDEX IF NOT EXISTS passkeys_recovery_attempt_until_at_idx ON passkeys_recovery_attempt (until_at);

INSERT INTO passkeys_schema_version (version, description, installed_at)
SELECT 4, 'passkeys_recovery_code, passkeys_recovery_attempt', CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM passkeys_schema_version WHERE version = 4);
