package io.github.passkeys4j.testing;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The PostgreSQL plans of the statements a piece of code really runs, so a test or benchmark can show that a JDBC
 * store's lookups use an index without copying its SQL: {@link #dataSource()} wraps a data source, and while
 * {@link #explain} runs some work on this thread, each prepared statement is first run as
 * {@code EXPLAIN (ANALYZE, BUFFERS)} with the same parameters and rolled back (a savepoint inside a transaction),
 * then run as usual. Statements of other threads, and outside {@code explain}, run untouched. A statement that
 * fails (a duplicate key, say) fails in its {@code EXPLAIN}, with the same exception, and is not run again.
 */
public final class QueryPlans {

    private final DataSource target;
    private final ThreadLocal<List<Plan>> recording = new ThreadLocal<>();

    public QueryPlans(DataSource target) {
        this.target = target;
    }

    /** The data source to give the code under test. */
    public DataSource dataSource() {
        return proxy(DataSource.class, (proxy, method, args) -> {
            Object result = call(target, method, args);
            return result instanceof Connection connection ? connection(connection) : result;
        });
    }

    /** Runs {@code work} and answers the plan of each statement it ran on this thread, in order. */
    public List<Plan> explain(Supplier<?> work) {
        List<Plan> plans = new ArrayList<>();
        recording.set(plans);
        try {
            work.get();
        } finally {
            recording.remove();
        }
        return List.copyOf(plans);
    }

    /**
     * One statement's plan.
     *
     * @param sql  the statement as prepared
     * @param plan PostgreSQL's {@code EXPLAIN (ANALYZE, BUFFERS)} text
     */
    public record Plan(String sql, String plan) {
        /** Whether any table is read in full (a missing or unused index). */
        public boolean seqScan() {
            return plan.contains("Seq Scan");
        }
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, (proxy, method, args) -> {
            Object result = call(connection, method, args);
            if (result instanceof PreparedStatement statement
                    && method.getName().equals("prepareStatement")) {
                return statement(connection, statement, (String) args[0]);
            }
            return result;
        });
    }

    private PreparedStatement statement(Connection connection, PreparedStatement statement, String sql) {
        List<Object[]> parameters = new ArrayList<>(); // each: the setter, then its arguments
        return proxy(PreparedStatement.class, (proxy, method, args) -> {
            String name = method.getName();
            Class<?>[] types = method.getParameterTypes();
            if (name.startsWith("set") && types.length >= 2 && types[0] == int.class) {
                parameters.add(new Object[] {method, args});
            } else if (name.equals("clearParameters")) {
                parameters.clear();
            } else if (name.startsWith("execute") && types.length == 0 && recording.get() != null) {
                recording.get().add(new Plan(sql, explain(connection, sql, parameters)));
            }
            return call(statement, method, args);
        });
    }

    private static String explain(Connection connection, String sql, List<Object[]> parameters) throws Exception {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        Savepoint before = connection.setSavepoint();
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            for (Object[] parameter : parameters) {
                call(explain, (Method) parameter[0], (Object[]) parameter[1]);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet lines = explain.executeQuery()) {
                while (lines.next()) {
                    plan.append(lines.getString(1)).append('\n');
                }
            }
            return plan.toString();
        } finally {
            connection.rollback(before);
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws SQLException {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(QueryPlans.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
