-- Passkeys for Java: JDBC storage schema for MariaDB (10.7 or later for its UUID type; tested on 10.11). Safe to run
-- again: it creates only what is missing. Instants are stored to the microsecond as their UTC date and time
-- (DATETIME(6); the starter writes and reads them in UTC whatever the JVM's time zone). transports is a
-- comma-separated list. Every text column compares byte for byte, trailing spaces included (utf8mb4_nopad_bin;
-- ascii_nopad_bin for base64url IDs, which also keeps long keys within InnoDB's 3,072-byte index limit): "Alice",
-- "alice" and "alice " are three usernames, as on PostgreSQL, whatever the database's default collation.

-- The schema's version, one row per version applied (see schema-postgresql.sql for what each one made). MariaDB
-- started at version 6, so it has no upgrade files yet: a release that changes the schema adds a version here and
-- an upgrade file under migration/mariadb/ (see the README's "Storage and schema"); start-up refuses a database whose
-- tables are missing.
CREATE TABLE IF NOT EXISTS passkeys_schema_version (
    version      INTEGER      NOT NULL,
    description  VARCHAR(255) NOT NULL,
    installed_at DATETIME(6)  NOT NULL,
    CONSTRAINT passkeys_schema_version_pk PRIMARY KEY (version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

INSERT IGNORE INTO passkeys_schema_version (version, description, installed_at)
VALUES (1, 'passkeys_credential, passkeys_user, passkeys_pending_ceremony', UTC_TIMESTAMP(6)),
       (2, 'passkeys_schema_version', UTC_TIMESTAMP(6)),
       (3, 'passkeys_used_challenge, passkeys_challenge_key', UTC_TIMESTAMP(6)),
       (4, 'passkeys_recovery_code, passkeys_recovery_attempt', UTC_TIMESTAMP(6)),
       (5, 'passkeys_credential.attestation_trusted', UTC_TIMESTAMP(6)),
       (6, 'passkeys_spent_challenge', UTC_TIMESTAMP(6));

CREATE TABLE IF NOT EXISTS passkeys_credential (
    credential_id            VARCHAR(1400) CHARACTER SET ascii COLLATE ascii_nopad_bin NOT NULL,
    user_handle              VARCHAR(128) CHARACTER SET ascii COLLATE ascii_nopad_bin  NOT NULL,
    public_key               TEXT                                                NOT NULL,
    sign_count               BIGINT                                              NOT NULL,
    aaguid                   UUID                                                NOT NULL,
    transports               TEXT                                                NOT NULL,
    backup_eligible          BOOLEAN                                             NOT NULL,
    backup_state             BOOLEAN                                             NOT NULL,
    uv_initialized           BOOLEAN                                             NOT NULL,
    created_at               DATETIME(6)                                         NOT NULL,
    last_used_at             DATETIME(6),
    name                     VARCHAR(255)                                        NOT NULL,
    enabled                  BOOLEAN                                             NOT NULL,
    -- From the registration response: "platform", "cross-platform" or NULL; credProps.rk or NULL when not said.
    authenticator_attachment VARCHAR(32),
    discoverable             BOOLEAN,
    attestation_format       VARCHAR(64),
    -- Base64url, only with keepAttestation(true); else NULL.
    attestation_object       MEDIUMTEXT,
    client_data_json         MEDIUMTEXT,
    -- Whether the passkey's attestation statement chained to a root the app trusted at registration (issue 12).
    attestation_trusted      BOOLEAN DEFAULT FALSE                               NOT NULL,
    CONSTRAINT passkeys_credential_pk PRIMARY KEY (credential_id),
    INDEX passkeys_credential_user_handle_idx (user_handle, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS passkeys_user (
    user_handle  VARCHAR(128) CHARACTER SET ascii COLLATE ascii_nopad_bin NOT NULL,
    account_id   VARCHAR(255)                                       NOT NULL,
    username     VARCHAR(255)                                       NOT NULL,
    display_name VARCHAR(1024)                                      NOT NULL,
    -- Sign-ins before this do not count for the account (deleted or given away then); NULL when never.
    not_before   DATETIME(6),
    CONSTRAINT passkeys_user_pk PRIMARY KEY (user_handle),
    CONSTRAINT passkeys_user_account_id_uk UNIQUE (account_id),
    -- Not unique: an account deleted or renamed without telling the library may still carry an old username.
    INDEX passkeys_user_username_idx (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- One row per started ceremony: the library's own state (JSON with a version) is opaque here. account_id tags a
-- ceremony for an account (NULL for a username-less sign-in), so deleting the account can remove its unfinished ones.
CREATE TABLE IF NOT EXISTS passkeys_pending_ceremony (
    challenge  VARCHAR(128) CHARACTER SET ascii COLLATE ascii_nopad_bin NOT NULL,
    account_id VARCHAR(255),
    expires_at DATETIME(6)                                        NOT NULL,
    state      LONGBLOB                                           NOT NULL,
    CONSTRAINT passkeys_pending_ceremony_pk PRIMARY KEY (challenge),
    INDEX passkeys_pending_ceremony_expires_at_idx (expires_at),
    INDEX passkeys_pending_ceremony_account_id_idx (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- Finished sign-ins' sealed challenges, by the first 64 bits of the SHA-256 of their key, until they would have
-- expired anyway: the primary key makes each one finish once across nodes (see schema-postgresql.sql).
CREATE TABLE IF NOT EXISTS passkeys_spent_challenge (
    challenge_id BIGINT      NOT NULL,
    expires_at   DATETIME(6) NOT NULL,
    CONSTRAINT passkeys_spent_challenge_pk PRIMARY KEY (challenge_id),
    INDEX passkeys_spent_challenge_expires_at_idx (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- The keys that seal challenges, one per rotation period, made once by whichever node needs one first.
CREATE TABLE IF NOT EXISTS passkeys_challenge_key (
    key_id     BIGINT                                            NOT NULL,
    secret     VARCHAR(128) CHARACTER SET ascii COLLATE ascii_nopad_bin NOT NULL,
    created_at DATETIME(6)                                       NOT NULL,
    CONSTRAINT passkeys_challenge_key_pk PRIMARY KEY (key_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- Recovery codes: one row per code of an account, only its slow hash; used_at is set once (UPDATE ... WHERE used_at
-- IS NULL makes a code work exactly once across nodes). Wrong tries are counted per key until until_at.
CREATE TABLE IF NOT EXISTS passkeys_recovery_code (
    account_id VARCHAR(255)                                      NOT NULL,
    code_id    VARCHAR(32) CHARACTER SET ascii COLLATE ascii_nopad_bin NOT NULL,
    code_hash  VARCHAR(255)                                      NOT NULL,
    created_at DATETIME(6)                                       NOT NULL,
    used_at    DATETIME(6),
    CONSTRAINT passkeys_recovery_code_pk PRIMARY KEY (account_id, code_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS passkeys_recovery_attempt (
    attempt_key VARCHAR(255) NOT NULL,
    failures    INTEGER      NOT NULL,
    until_at    DATETIME(6)  NOT NULL,
    CONSTRAINT passkeys_recovery_attempt_pk PRIMARY KEY (attempt_key),
    INDEX passkeys_recovery_attempt_until_at_idx (until_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
