package io.github.passkeys4j.spring.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.passkeys4j.store.RecoveryCodeStore;
import io.github.passkeys4j.store.StoredRecoveryCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The recovery-code stores of the JDBC storage tests, and the race of a deletion with a replacement. */
final class RecoveryCodeStores {

    private RecoveryCodeStores() {}

    static JdbcRecoveryCodeStore newStore(DataSource dataSource) {
        return new JdbcRecoveryCodeStore(
                JdbcClient.create(dataSource), JdbcStorageTestSupport.transactions(dataSource));
    }

    static RecoveryCodeStore empty(HikariDataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("DELETE FROM passkeys_recovery_code");
        jdbc.update("DELETE FROM passkeys_recovery_attempt");
        return newStore(dataSource);
    }

    /**
     * An account deleted while new codes are being made for it (no passkey, so no user row to lock): the delete waits
     * for them and deletes them too. One DELETE statement on PostgreSQL missed them: it saw the rows of the old set,
     * waited on them, and not the new rows committed meanwhile.
     */
    static void deletingWaitsForAReplacementUnderWay(HikariDataSource dataSource) throws Exception {
        JdbcRecoveryCodeStore store = (JdbcRecoveryCodeStore) empty(dataSource);
        store.replaceAll("erin", codes("old-"));
        TransactionTemplate transaction = JdbcStorageTestSupport.transactions(dataSource);
        CountDownLatch replaced = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> replacing = threads.submit(() -> transaction.executeWithoutResult(status -> {
                store.replaceAll("erin", codes("new-"));
                replaced.countDown();
                await(commit);
            }));
            assertThat(replaced.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> deleting = threads.submit(() -> newStore(dataSource).deleteAll("erin"));
            Thread.sleep(300); // the delete reaches the rows the replacement holds, and waits
            assertThat(deleting.isDone()).as("waits for the replacement").isFalse();
            commit.countDown();
            replacing.get(10, TimeUnit.SECONDS);
            deleting.get(10, TimeUnit.SECONDS);
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
        assertThat(store.findUnused("erin")).isEmpty();
        assertThat(new JdbcTemplate(dataSource)
                        .queryForObject(
                                "SELECT COUNT(*) FROM passkeys_recovery_code WHERE account_id = 'erin'", Integer.class))
                .as("not even the lock row")
                .isZero();
    }

    private static List<StoredRecoveryCode> codes(String prefix) {
        List<StoredRecoveryCode> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            codes.add(new StoredRecoveryCode(prefix + i, "pbkdf2-sha256$1000$salt$" + prefix + i, Instant.now()));
        }
        return codes;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
