package io.github.passkeys4j.benchmarks.scale;

import io.github.passkeys4j.FinishRegistration;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartAuthentication;
import io.github.passkeys4j.StartRegistration;
import io.github.passkeys4j.spring.jdbc.JdbcChallengeKeys;
import io.github.passkeys4j.spring.jdbc.JdbcPasskeyRepository;
import io.github.passkeys4j.spring.jdbc.JdbcPasskeyUserRepository;
import io.github.passkeys4j.spring.jdbc.JdbcPendingCeremonyStore;
import io.github.passkeys4j.spring.jdbc.JdbcStorageTransaction;
import io.github.passkeys4j.spring.jdbc.JdbcUsedChallengeStore;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A relying party on our JDBC stores, wired as the starter's auto-configuration wires them (a JdbcTemplate with the
 * default 5 s query timeout per store, the storage transaction over a DataSourceTransactionManager), and the accounts
 * whose sign-ins are measured: {@code real-<r>}, each with {@code perAccount} passkeys registered through the real
 * registration path, each on its own {@link SoftwareAuthenticator} (real ES256 key pairs the generator holds).
 */
final class ScaleSite {

    static final String RP_ID = "example.com";
    static final String ORIGIN = "https://example.com";

    final RelyingParty rp;
    final List<SoftwareAuthenticator> devices = new ArrayList<>();

    ScaleSite(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setQueryTimeout(5);
        rp = RelyingParty.builder(RP_ID, "Example")
                .origins(Set.of(ORIGIN))
                .passkeys(new JdbcPasskeyRepository(jdbc))
                .users(new JdbcPasskeyUserRepository(jdbc))
                .pendingCeremonies(new JdbcPendingCeremonyStore(jdbc))
                .usedChallenges(new JdbcUsedChallengeStore(jdbc))
                .challengeKeys(new JdbcChallengeKeys(jdbc))
                .transaction(new JdbcStorageTransaction(
                        new TransactionTemplate(new DataSourceTransactionManager(dataSource)), jdbc))
                .build();
    }

    /** The same relying party's settings over another data source (the statements then go through that one). */
    ScaleSite(DataSource dataSource, List<SoftwareAuthenticator> devices) {
        this(dataSource);
        this.devices.addAll(devices);
    }

    /** Registers {@code accounts} accounts with {@code perAccount} passkeys each; answers one of them. */
    Passkey registerAccounts(int accounts, int perAccount) {
        // An account's passkeys are on different devices (a device holds one per account, as browsers do).
        List<SoftwareAuthenticator> made = IntStream.range(0, accounts)
                .parallel()
                .mapToObj(r -> IntStream.range(0, perAccount)
                        .mapToObj(p -> {
                            // Synced passkeys report a counter of 0 throughout; the compare-and-set runs all the same.
                            SoftwareAuthenticator device =
                                    new SoftwareAuthenticator(SoftwareAuthenticator.GOOGLE_PASSWORD_MANAGER, 0, 0);
                            String created = device.register(
                                    rp.startRegistration(StartRegistration.forUser(account(r))), ORIGIN);
                            rp.finishRegistration(FinishRegistration.of(account(r), created));
                            return device;
                        })
                        .toList())
                .flatMap(List::stream)
                .toList();
        devices.addAll(made);
        return rp.management().list(account(0)).get(0);
    }

    static String account(int r) {
        return "real-" + r;
    }

    /** A browser's answer to fresh username-less options, made by real passkey {@code d} (modulo their number). */
    String assertion(int d) {
        return devices.get(Math.floorMod(d, devices.size()))
                .authenticate(rp.startAuthentication(StartAuthentication.discoverable()), ORIGIN);
    }
}
