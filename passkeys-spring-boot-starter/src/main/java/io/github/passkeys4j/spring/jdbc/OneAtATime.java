package io.github.passkeys4j.spring.jdbc;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Nodes that start together run the PostgreSQL schema script one at a time. Its statements commit one by one, and two
 * sessions running {@code CREATE TABLE IF NOT EXISTS} of one table at the same moment can both try to create it (one
 * then fails on {@code pg_type}'s unique index), which would stop that node's start-up. The script runs on the one
 * connection this hands out: a session-level advisory lock is taken with it and released when it is closed, before it
 * goes back to the pool, whether the script passed or failed.
 */
final class OneAtATime extends DelegatingDataSource {

    /** The advisory lock's key: an arbitrary number, the same in every release (the schema script's block uses it). */
    static final long LOCK = 7315672934150621L;

    OneAtATime(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        try {
            execute(connection, "SELECT pg_advisory_lock(" + LOCK + ")");
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(
                OneAtATime.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if ("close".equals(method.getName()) && method.getParameterCount() == 0) {
                        try {
                            execute(connection, "SELECT pg_advisory_unlock(" + LOCK + ")");
                        } finally {
                            connection.close();
                        }
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
