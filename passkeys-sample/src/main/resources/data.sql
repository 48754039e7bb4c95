-- Two accounts that exist from the start (H2 in memory: every start is a fresh database).
-- guest / "guest password": role GUEST only, may read notes but not use passkeys.
-- admin / "admin password": role ADMIN (the app also gives admins USER).
INSERT INTO app_user (username, password_hash, role)
VALUES ('guest', '{bcrypt}$2a$10$hF3KaMuyH.Jpp.lYDjp1MuweKHVIi8hXejc/zgGB9nH4Zpridruu2', 'GUEST'),
       ('admin', '{bcrypt}$2a$10$9h2.rghQL5F8dy5G5ajToOCPkHfkr6ueytINv/2d6qMqBH6tONxRy', 'ADMIN');
