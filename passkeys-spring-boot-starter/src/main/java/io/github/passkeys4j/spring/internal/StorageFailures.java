package io.github.passkeys4j.spring.internal;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a storage outage (the database unreachable, a connection lost, a statement or lock wait timed out) from a
 * bug, so that the endpoints answer the first with 503 and a request to try again. Spring's exception types are
 * matched by name: an app without spring-jdbc on the classpath still loads this class.
 *
 * <p>Internal: not API, may change in any release.
 */
public final class StorageFailures {

    /** Spring's translations of an outage, and their subclasses (CannotGetJdbcConnectionException, …). */
    private static final Set<String> SPRING_OUTAGES = Set.of(
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "org.springframework.transaction.TransactionTimedOutException");

    private StorageFailures() {}

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLTimeoutException) {
                return true;
            }
            for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
                if (SPRING_OUTAGES.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The innermost cause's type and message, for one log line. */
    public static String summary(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
