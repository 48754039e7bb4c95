-- Passkeys for Java, schema version 1 for PostgreSQL: the tables of releases before the version table. For an app's own
-- migration tool (see the README's "Storage and schema"); version 2 records it. Safe to run again.

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
