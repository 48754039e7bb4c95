-- Passkeys for Java: JDBC storage schema for PostgreSQL (11 or later; tested on 15). Safe to run again: it creates
-- only what is missing. Instants are stored to the microsecond. transports is a comma-separated list.

-- The schema's version, one row per version applied: 1 made the three tables below, 2 added this table, 3 the
-- sealed-challenge tables, 4 the recovery-code tables at the end, 5 the
-- attestation_trusted column of passkeys_credential, 6 passkeys_spent_challenge in place of version 3's
-- passkeys_used_challenge. A release
-- that changes the schema adds a version here and an upgrade file under migration/postgresql/ (see the README's
-- "Storage and schema"); start-up refuses a database whose tables are missing.
CREATE TABLE IF NOT EXISTS passkeys_schema_version (
    version      INTEGER      NOT NULL,
    description  VARCHAR(255) NOT NULL,
    installed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT passkeys_schema_version_pk PRIMARY KEY (version)
);

INSERT INTO passkeys_schema_version (version, description, installed_at)
VALUES (1, 'passkeys_credential, passkeys_user, passkeys_pending_ceremony', CURRENT_TIMESTAMP)
ON CONFLICT (version) DO NOTHING;

INSERT INTO passkeys_schema_version (version, description, installed_at)
VALUES (2, 'passkeys_schema_version', CURRENT_TIMESTAMP)
ON CONFLICT (version) DO NOTHING;

INSERT INTO passkeys_schema_version (version, description, installed_at)
VALUES (3, 'passkeys_used_challenge, passkeys_challenge_key', CURRENT_TIMESTAMP)
ON CONFLICT (version) DO NOTHING;

INSERT INTO passkeys_schema_version (version, description, installed_at)
VALUES (4, 'passkeys_recovery_code, passkeys_recovery_attempt', CURRENT_TIMESTAMP)
ON CONFLICT (version) DO NOTHING;

INSERT INTO passkeys_schema_version (version, description, installed_at)
VALUES (5, 'passkeys_credential.attestation_trusted', CURRENT_TIMESTAMP)
ON CONFLICT (version) DO NOTHING;

INSERT INTO passkeys_schema_version (version, description, installed_at)
VALUES (6, 'passkeys_spent_challenge', CURRENT_TIMESTAMP)
ON CONFLICT (version) DO NOTHING;

CREATE TABLE IF NOT EXISTS passkeys_credential (
    credential_id            VARCHAR(1400)            NOT NULL,
    user_handle              VARCHAR(128)             NOT NULL,
    public_key               TEXT                     NOT NULL,
    sign_count               BIGINT                   NOT NULL,
    aaguid                   UUID                     NOT NULL,
    transports               TEXT                     NOT NULL,
    backup_eligible          BOOLEAN                  NOT NULL,
    backup_state             BOOLEAN                  NOT NULL,
    uv_initialized           BOOLEAN                  NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at             TIMESTAMP WITH TIME ZONE,
    name                     VARCHAR(255)             NOT NULL,
    enabled                  BOOLEAN                  NOT NULL,
    -- From the registration response: "platform", "cross-platform" or NULL; credProps.rk or NULL when not said.
    authenticator_attachment VARCHAR(32),
    discoverable             BOOLEAN,
    attestation_format       VARCHAR(64),
    -- Base64url, only with keepAttestation(true); else NULL.
    attestation_object       TEXT,
    client_data_json         TEXT,
    CONSTRAINT passkeys_credential_pk PRIMARY KEY (credential_id)
);

-- Whether the passkey's attestation statement chained to a root the app trusted at registration (issue 12); rows
-- stored before version 5 are not.
ALTER TABLE passkeys_credential ADD COLUMN IF NOT EXISTS attestation_trusted BOOLEAN DEFAULT FALSE NOT NULL;

CREATE INDEX IF NOT EXISTS passkeys_credential_user_handle_idx ON passkeys_credential (user_handle, created_at);

CREATE TABLE IF NOT EXISTS passkeys_user (
    user_handle  VARCHAR(128)  NOT NULL,
    account_id   VARCHAR(255)  NOT NULL,
    username     VARCHAR(255)  NOT NULL,
    display_name VARCHAR(1024) NOT NULL,
    -- Sign-ins before this do not count for the account (deleted or given away then); NULL when never.
    not_before   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT passkeys_user_pk PRIMARY KEY (user_handle),
    CONSTRAINT passkeys_user_account_id_uk UNIQUE (account_id)
);

-- Not unique: an account deleted or renamed without telling the library may still carry an old username.
CREATE INDEX IF NOT EXISTS passkeys_user_username_idx ON passkeys_user (username);

-- One row per started ceremony: the library's own state (JSON with a version) is opaque here, so new ceremony state
-- never changes this table. account_id tags a ceremony for an account (NULL for a username-less sign-in), so deleting
-- the account can remove its unfinished ceremonies.
CREATE TABLE IF NOT EXISTS passkeys_pending_ceremony (
    challenge  VARCHAR(128)             NOT NULL,
    account_id VARCHAR(255),
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    state      BYTEA                    NOT NULL,
    CONSTRAINT passkeys_pending_ceremony_pk PRIMARY KEY (challenge)
);

CREATE INDEX IF NOT EXISTS passkeys_pending_ceremony_expires_at_idx ON passkeys_pending_ceremony (expires_at);

CREATE INDEX IF NOT EXISTS passkeys_pending_ceremony_account_id_idx ON passkeys_pending_ceremony (account_id);

-- Sealed sign-in challenges (issue 10): starting a username-less sign-in writes nothing; finishing one records its
-- challenge here once (the primary key makes it exactly-once across nodes) until it would have expired anyway, by
-- the first 64 bits of the SHA-256 of its key (version 6; version 3 kept the key itself, 43 characters, in
-- passkeys_used_challenge). A BIGINT key keeps the table small and each finished sign-in's insert cheap. Two
-- challenges alive at once share an id with odds of about 1 in 10^13 at a million rows, and the later one is then
-- refused as used: never accepted. The keys that seal challenges, one per rotation period, made once by whichever
-- node needs one first.
CREATE TABLE IF NOT EXISTS passkeys_spent_challenge (
    challenge_id BIGINT                   NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT passkeys_spent_challenge_pk PRIMARY KEY (challenge_id)
);

CREATE INDEX IF NOT EXISTS passkeys_spent_challenge_expires_at_idx ON passkeys_spent_challenge (expires_at);

-- Upgrading from version 5: the version-3 table's challenges still live are carried over under the id the starter
-- computes, so a sign-in finished before the upgrade cannot be finished again after it (sha256() needs PostgreSQL 11),
-- then that table goes; nodes of the old release refuse passkey sign-ins from then on (they fail closed): upgrade every
-- node together. One block under a transaction-scoped advisory lock, so nodes starting together take turns: a second
-- node finds the table gone and skips (each statement of this script commits on its own). A quoted block, not $$:
-- Spring's script splitter knows quotes only.
DO '
BEGIN
    PERFORM pg_advisory_xact_lock(7315672934150621);
    IF to_regclass(''passkeys_used_challenge'') IS NOT NULL THEN
        INSERT INTO passkeys_spent_challenge (challenge_id, expires_at)
        SELECT live.challenge_id, MAX(live.expires_at)
        FROM (SELECT (''x'' || encode(substr(sha256(convert_to(challenge_hash, ''UTF8'')), 1, 8), ''hex''))::bit(64)::bigint
                         AS challenge_id,
                     expires_at
              FROM passkeys_used_challenge
              WHERE expires_at > CURRENT_TIMESTAMP) live
        GROUP BY live.challenge_id
        ON CONFLICT (challenge_id) DO NOTHING;
        DROP TABLE passkeys_used_challenge;
    END IF;
END';

CREATE TABLE IF NOT EXISTS passkeys_challenge_key (
    key_id     BIGINT                   NOT NULL,
    secret     VARCHAR(128)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT passkeys_challenge_key_pk PRIMARY KEY (key_id)
);

-- Recovery codes (issue 11): one row per code of an account, only its slow hash (PBKDF2, salt and iteration count
-- inside code_hash); used_at is set once (UPDATE ... WHERE used_at IS NULL makes a code work exactly once across
-- nodes). Wrong tries are counted per key (an account id, or a hash of an unknown username) until until_at.
CREATE TABLE IF NOT EXISTS passkeys_recovery_code (
    account_id VARCHAR(255) NOT NULL,
    code_id    VARCHAR(32)  NOT NULL,
    code_hash  VARCHAR(255) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT passkeys_recovery_code_pk PRIMARY KEY (account_id, code_id)
);

CREATE TABLE IF NOT EXISTS passkeys_recovery_attempt (
    attempt_key VARCHAR(255) NOT NULL,
    failures    INTEGER      NOT NULL,
    until_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT passkeys_recovery_attempt_pk PRIMARY KEY (attempt_key)
);

CREATE INDEX IF NOT EXISTS passkeys_recovery_attempt_until_at_idx ON passkeys_recovery_attempt (until_at);
