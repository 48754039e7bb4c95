-- Passkeys for Java, schema version 2 for H2: the version table, with versions 1 and 2 recorded. Run it after
-- V1__passkeys_tables.sql (or on a database made by an earlier release's schema file). Safe to run again.

CREATE TABLE IF NOT EXISTS passkeys_schema_version (
    version      INTEGER      NOT NULL,
    description  VARCHAR(255) NOT NULL,
    installed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT passkeys_schema_version_pk PRIMARY KEY (version)
);

INSERT INTO passkeys_schema_version (version, description, installed_at)
SELECT 1, 'passkeys_credential, passkeys_user, passkeys_pending_ceremony', CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM passkeys_schema_version WHERE version = 1);

INSERT INTO passkeys_schema_version (version, description, installed_at)
SELECT 2, 'passkeys_schema_version', CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM passkeys_schema_version WHERE version = 2);
