-- Spring Security's JdbcUserDetailsManager tables, usernames up to 64 characters.
CREATE TABLE IF NOT EXISTS users (
    username VARCHAR(64)  NOT NULL,
    password VARCHAR(500) NOT NULL,
    enabled  BOOLEAN      NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (username)
);

CREATE TABLE IF NOT EXISTS authorities (
    username  VARCHAR(64) NOT NULL,
    authority VARCHAR(64) NOT NULL,
    CONSTRAINT fk_authorities_users FOREIGN KEY (username) REFERENCES users (username)
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_authorities_username_authority ON authorities (username, authority);
