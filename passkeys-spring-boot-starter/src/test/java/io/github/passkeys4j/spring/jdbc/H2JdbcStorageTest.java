package io.github.passkeys4j.spring.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PasskeyUserRepository;
import io.github.passkeys4j.store.PendingCeremonyStore;
import io.github.passkeys4j.store.RecoveryCodeStore;
import io.github.passkeys4j.store.StorageTransaction;
import io.github.passkeys4j.testing.AccountRaceContract;
import io.github.passkeys4j.testing.PasskeyRepositoryContract;
import io.github.passkeys4j.testing.PasskeyUserRepositoryContract;
import io.github.passkeys4j.testing.PendingCeremonyStoreContract;
import org.junit.jupiter.api.Nested;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/** The JDBC storage on H2 in memory, its schema created as the auto-configuration's default (EMBEDDED) does. */
class H2JdbcStorageTest extends JdbcStorageTestSupport implements JdbcColumnsContract, SchemaUpgradeContract {

    @Override
    HikariDataSource createDataSource() {
        return pool("jdbc:h2:mem:passkeys-jdbc-test;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Override
    DatabaseInitializationMode initializationMode() {
        return DatabaseInitializationMode.EMBEDDED;
    }

    @Override
    public String platform() {
        return "h2";
    }

    @Override
    public boolean embedded() {
        return true;
    }

    /** The storage contract of {@code passkeys-test} on this database. */
    @Nested
    class Passkeys extends PasskeyRepositoryContract {
        @Override
        protected PasskeyRepository createRepository() {
            return H2JdbcStorageTest.this.passkeys();
        }
    }

    @Nested
    class Users extends PasskeyUserRepositoryContract {
        @Override
        protected PasskeyUserRepository createRepository() {
            return H2JdbcStorageTest.this.users();
        }
    }

    @Nested
    class PendingCeremonies extends PendingCeremonyStoreContract {
        @Override
        protected PendingCeremonyStore createStore() {
            return H2JdbcStorageTest.this.ceremonies();
        }
    }

    /** The races the account lock closes, with this database's row locks. */
    @Nested
    class AccountRaces extends AccountRaceContract {
        @Override
        protected PasskeyRepository createPasskeys() {
            return H2JdbcStorageTest.this.passkeys();
        }

        @Override
        protected PasskeyUserRepository createUsers() {
            return H2JdbcStorageTest.this.users();
        }

        @Override
        protected StorageTransaction createTransaction() {
            return H2JdbcStorageTest.this.transaction();
        }

        @Override
        protected RecoveryCodeStore createRecoveryCodes() {
            return JdbcRecoveryCodeStoreTest.newStore(H2JdbcStorageTest.this.dataSource());
        }
    }
}
