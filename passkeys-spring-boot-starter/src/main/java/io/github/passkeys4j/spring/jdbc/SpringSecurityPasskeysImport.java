package io.github.passkeys4j.spring.jdbc;

import io.github.passkeys4j.PasskeyManagement;
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
import org.springframework.transaction.support.TransactionOperations;

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
 * authenticator answers a username-less sign-in with the handle it was given).
 *
 * <p>A move, not a copy: each Spring user's passkeys are stored here and deleted from Spring's tables in one
 * transaction, so running it again (on every start-up, on any number of nodes) moves only what Spring's tables got
 * since, say from nodes still on {@code http.webAuthn()} during a rolling deploy, and never brings back a passkey the
 * user deleted here. Each Spring user is matched to the app's user of the same name ({@link UserDetailsService}) and
 * bound to that account's id ({@link AccountIdResolver}): a passkey signs in as the app's user of that name, as it did
 * under Spring Security. Left in Spring's tables, counted and logged: users the app does not have, and accounts that
 * already have another user handle here (made by a passkey added through this library), whose Spring passkeys would
 * answer with the other handle.
 */
public final class SpringSecurityPasskeysImport {

    private static final Log log = LogFactory.getLog(SpringSecurityPasskeysImport.class);

    private final JdbcClient spring;
    private final TransactionOperations transactions;
    private final PasskeyRepository passkeys;
    private final PasskeyUserRepository users;
    private final UserDetailsService appUsers;
    private final AccountIdResolver accountIds;
    private final Clock clock;

    /**
     * @param springTables where Spring Security's {@code user_entities} and {@code user_credentials} are: the same
     *                     database as {@code passkeys} and {@code users}, so that {@code transactions} spans both
     */
    public SpringSecurityPasskeysImport(
            JdbcOperations springTables,
            TransactionOperations transactions,
            PasskeyRepository passkeys,
            PasskeyUserRepository users,
            UserDetailsService appUsers,
            AccountIdResolver accountIds,
            Clock clock) {
        this.spring = JdbcClient.create(Objects.requireNonNull(springTables, "springTables"));
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.users = Objects.requireNonNull(users, "users");
        this.appUsers = Objects.requireNonNull(appUsers, "appUsers");
        this.accountIds = Objects.requireNonNull(accountIds, "accountIds");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What a run did.
     *
     * @param passkeysMoved        stored here and deleted from Spring's tables
     * @param passkeysAlreadyHere  found here already (another node moved them meanwhile): deleted from Spring's tables
     * @param usersWithoutAppUser  Spring users left in place: the app has no user of that name
     * @param usersWithOtherHandle Spring users left in place: their account has another user handle here
     */
    public record Result(
            int passkeysMoved, int passkeysAlreadyHere, int usersWithoutAppUser, int usersWithOtherHandle) {}

    /** Moves every Spring Security passkey whose user the app has. */
    public Result importAll() {
        List<SpringUser> entities = spring.sql("SELECT id, name, display_name FROM user_entities ORDER BY id")
                .query((rs, row) ->
                        new SpringUser(rs.getString("id"), rs.getString("name"), rs.getString("display_name")))
                .list();
        int moved = 0, here = 0, noAppUser = 0, otherHandle = 0;
        for (SpringUser entity : entities) {
            Optional<UserDetails> appUser = appUser(entity.name());
            if (appUser.isEmpty()) {
                noAppUser++;
                log.warn("Passkeys for Java: Spring Security's passkeys of user " + entity.name() + " stay in its"
                        + " tables: the app has no user of that name");
                continue;
            }
            int[] counts;
            try {
                counts = transactions.execute(status -> move(entity, appUser.get()));
            } catch (RuntimeException e) {
                // Rolled back, nothing half-moved: the passkeys stay in Spring's tables for the next run.
                log.warn(
                        "Passkeys for Java: Spring Security's passkeys of user " + entity.name() + " stay in its"
                                + " tables for now: " + e,
                        e);
                continue;
            }
            if (counts == null) {
                otherHandle++;
                log.warn("Passkeys for Java: Spring Security's passkeys of user " + entity.name() + " stay in its"
                        + " tables: the account already has another user handle here (from a passkey added through"
                        + " this library, or the handle is another account's), and those passkeys answer with"
                        + " Spring's");
                continue;
            }
            moved += counts[0];
            here += counts[1];
        }
        Result result = new Result(moved, here, noAppUser, otherHandle);
        log.info("Passkeys for Java: moved " + moved + " of Spring Security's passkeys into ours (" + here + " were"
                + " here already); left in its tables: " + noAppUser + " user(s) the app does not have, " + otherHandle
                + " with another user handle here");
        return result;
    }

    /** One Spring user's passkeys, in the caller's transaction: {moved, already here}, or null when left out. */
    private int[] move(SpringUser entity, UserDetails appUser) {
        String accountId = accountIds.accountIdOf(appUser);
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalStateException("the AccountIdResolver gave no account id for " + appUser.getUsername());
        }
        Optional<PasskeyUser> byHandle = users.findByUserHandle(entity.id());
        if (byHandle.isPresent() && !byHandle.get().accountId().equals(accountId)) {
            return null;
        }
        Optional<PasskeyUser> account = users.findByAccountId(accountId);
        if (account.isPresent() && !account.get().userHandle().equals(entity.id())) {
            return null;
        }
        if (account.isEmpty()
                && !users.create(PasskeyUser.builder()
                        .userHandle(entity.id())
                        .accountId(accountId)
                        .username(appUser.getUsername())
                        .displayName(entity.displayName())
                        .build())) {
            // Another node made it meanwhile: this transaction rolls back, and the next start-up moves them.
            throw new IllegalStateException("the account of " + appUser.getUsername() + " was made meanwhile");
        }
        int moved = 0, here = 0;
        for (Passkey passkey : credentials(entity.id())) {
            if (passkeys.findByCredentialId(passkey.credentialId()).isPresent()) {
                here++;
            } else {
                passkeys.add(passkey);
                moved++;
            }
        }
        spring.sql("DELETE FROM user_credentials WHERE user_entity_user_id = :handle")
                .param("handle", entity.id())
                .update();
        spring.sql("DELETE FROM user_entities WHERE id = :handle")
                .param("handle", entity.id())
                .update();
        return new int[] {moved, here};
    }

    private Optional<UserDetails> appUser(String name) {
        try {
            return Optional.ofNullable(appUsers.loadUserByUsername(name));
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
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
                // Spring's label is what the user typed, with no rule on its characters: ours apply.
                .name(PasskeyManagement.cleanedName(rs.getString("label")))
                .build();
    }

    private record SpringUser(String id, String name, String displayName) {}
}
