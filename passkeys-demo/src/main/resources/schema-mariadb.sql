-- Spring Security's JdbcUserDetailsManager tables, usernames up to 64 characters, compared byte for byte as on
-- PostgreSQL (utf8mb4_nopad_bin: "Alice", "alice" and "alice " are three names).
CREATE TABLE IF NOT EXISTS users (
    username VARCHAR(64)  NOT NULL,
    password VARCHAR(500) NOT NULL,
    enabled  BOOLEAN      NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS authorities (
    username  VARCHAR(64) NOT NULL,
    authority VARCHAR(64) NOT NULL,
    CONSTRAINT fk_authorities_users FOREIGN KEY (username) REFERENCES users (username),
    CONSTRAINT ux_authorities_username_authority UNIQUE (username, authority)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
