-- Passkeys for Java, schema version 2 for PostgreSQL: the version table, with versions 1 and 2 recorded. Run it after
-- V1__passkeys_tables.sql (or on a database made by an earlier release's schema file). Safe to run again.

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
