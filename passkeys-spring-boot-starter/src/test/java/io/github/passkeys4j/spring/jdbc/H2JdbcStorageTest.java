package io.github.passkeys4j.spring.jdbc;

import com.zaxxer.hikari.HikariDataSource;
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
}
