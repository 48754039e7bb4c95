package io.github.passkeys4j.spring.jdbc;

import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.spring.account.AccountIdResolver;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PasskeyUser;
import io.github.passkeys4j.store.PasskeyUserRepository;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Moves the passkeys of Spring Security's own {@code http.webAuthn()}, kept in its JDBC tables {@code user_entities}
 * and {@code user_credentials}, into this library's stores, so people keep signing in with the passkeys they have:
 * the same credential IDs, public keys, counters and flags, their labels as names, and the same user handles (an
 * authenticator answers a username-less sign-in with the handle it was given). Spring's tables are only read.
 *
 * <p>Each Spring user entity is matched to the app's user of the same name ({@link UserDetailsService}) and bound to
 * that account's id ({@link AccountIdResolver}). Safe to run again, on any number of nodes: what is here already is
 * skipped. Left out, and counted: entities without an app user of that name, and accounts that already have a user
 * handle of their own here (made by a passkey added through this library before the import), whose Spring passkeys
 * would answer with the other handle.
 */
public final class SpringSecurityPasskeysImport {

    private static final Log log = LogFactory.getLog(SpringSecurityPasskeysImport.class);

    private final JdbcClient spring;
    private final PasskeyRepository passkeys;
    private final PasskeyUserRepository users;
    private final UserDetailsService appUsers;
    private final AccountIdResolver accountIds;
    private final Clock clock;

    /** @param springTables where Spring Security's {@code user_entities} and {@code user_credentials} are */
    public SpringSecurityPasskeysImport(
            JdbcOperations springTables,
            PasskeyRepository passkeys,
            PasskeyUserRepository users,
            UserDetailsService appUsers,
            AccountIdResolver accountIds,
            Clock clock) {
        this.spring = JdbcClient.create(Objects.requireNonNull(springTables, "springTables"));
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.users = Objects.requireNonNull(users, "users");
        this.appUsers = Objects.requireNonNull(appUsers, "appUsers");
        this.accountIds = Objects.requireNonNull(accountIds, "accountIds");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What an import did. */
    public record Result(
            int passkeysImported, int passkeysAlreadyHere, int usersWithoutAppUser, int usersWithOtherHandle) {}

    /** Imports every Spring Security passkey not here yet. */
    public Result importAll() {
        List<SpringUser> entities = spring.sql("SELECT id, name, display_name FROM user_entities ORDER BY id")
                .query((rs, row) ->
                        new SpringUser(rs.getString("id"), rs.getString("name"), rs.getString("display_name")))
                .list();
        int imported = 0, here = 0, noAppUser = 0, otherHandle = 0;
        for (SpringUser entity : entities) {
            Optional<UserDetails> appUser = appUser(entity.name());
            if (appUser.isEmpty()) {
                noAppUser++;
                log.warn("Passkeys for Java: Spring Security's passkeys of user " + entity.name() + " were not"
                        + " imported: the app has no user of that name");
                continue;
            }
            PasskeyUser account = account(entity, appUser.get());
            if (!account.userHandle().equals(entity.id())) {
                otherHandle++;
                log.warn("Passkeys for Java: Spring Security's passkeys of user " + entity.name() + " were not"
                        + " imported: the account already has a user handle of its own here (from a passkey added"
                        + " through this library), and those passkeys answer with Spring's");
                continue;
            }
            for (Passkey passkey : credentials(entity.id())) {
                try {
                    passkeys.add(passkey);
                    imported++;
                } catch (PasskeyException e) {
                    if (e.reason() != PasskeyException.Reason.CREDENTIAL_ALREADY_REGISTERED) {
                        throw e;
                    }
                    here++;
                }
            }
        }
        Result result = new Result(imported, here, noAppUser, otherHandle);
        log.info("Passkeys for Java: imported Spring Security's passkeys: " + result);
        return result;
    }

    private Optional<UserDetails> appUser(String name) {
        try {
            return Optional.ofNullable(appUsers.loadUserByUsername(name));
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The account here, made with Spring's user handle when it has none yet (another node may make it first). */
    private PasskeyUser account(SpringUser entity, UserDetails appUser) {
        String accountId = accountIds.accountIdOf(appUser);
        Optional<PasskeyUser> existing = users.findByAccountId(accountId);
        if (existing.isPresent()) {
            return existing.get();
        }
        PasskeyUser made = PasskeyUser.builder()
                .userHandle(entity.id())
                .accountId(accountId)
                .username(appUser.getUsername())
                .displayName(entity.displayName())
                .build();
        return users.create(made) ? made : users.findByAccountId(accountId).orElseThrow();
    }

    private List<Passkey> credentials(String userHandle) {
        return spring.sql("SELECT credential_id, public_key, signature_count, uv_initialized, backup_eligible,"
                        + " authenticator_transports, backup_state, created, last_used, label FROM user_credentials"
                        + " WHERE user_entity_user_id = :handle ORDER BY credential_id")
                .param("handle", userHandle)
                .query((rs, row) -> passkey(rs, userHandle))
                .list();
    }

    private Passkey passkey(ResultSet rs, String userHandle) throws SQLException {
        Timestamp created = rs.getTimestamp("created");
        Timestamp lastUsed = rs.getTimestamp("last_used");
        String transports = rs.getString("authenticator_transports");
        return Passkey.builder()
                .credentialId(rs.getString("credential_id"))
                .userHandle(userHandle)
                .publicKey(Base64.getUrlEncoder().withoutPadding().encodeToString(rs.getBytes("public_key")))
                .signCount(rs.getLong("signature_count"))
                .uvInitialized(rs.getBoolean("uv_initialized"))
                .backupEligible(rs.getBoolean("backup_eligible"))
                .backupState(rs.getBoolean("backup_state"))
                .transports(
                        transports == null
                                ? Set.of()
                                : Arrays.stream(transports.split(","))
                                        .map(String::strip)
                                        .filter(t -> !t.isEmpty())
                                        .collect(Collectors.toSet()))
                .createdAt(created == null ? clock.instant() : created.toInstant())
                .lastUsedAt(lastUsed == null ? null : lastUsed.toInstant())
                .name(name(rs.getString("label")))
                .build();
    }

    /** Spring's label, cut to the 64 characters a name here may have (not inside a surrogate pair). */
    private static String name(String label) {
        if (label == null) {
            return null;
        }
        String name = label.strip();
        if (name.length() <= 64) {
            return name;
        }
        return name.substring(0, Character.isHighSurrogate(name.charAt(63)) ? 63 : 64);
    }

    private record SpringUser(String id, String name, String displayName) {}
}
