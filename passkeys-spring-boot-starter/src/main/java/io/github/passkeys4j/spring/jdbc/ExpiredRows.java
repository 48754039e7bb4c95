package io.github.passkeys4j.spring.jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;

/**
 * Deletes one bounded batch of expired rows: their keys first (one indexed read of the expiry column), then those rows
 * by key. Not {@code DELETE … WHERE key IN (SELECT … FETCH FIRST n ROWS ONLY)}: H2 runs that subquery again for every
 * row of the table, which made each sweep of a 200,000-row table cost about a second once rows had expired (a sign-in
 * then cost 12 ms of CPU instead of 1; measured with the HTTP bench's demo). Table and column names are constants.
 */
final class ExpiredRows {

    private ExpiredRows() {}

    /** @return how many rows this call deleted */
    static <K> int deleteBatch(
            JdbcClient jdbc, String table, String key, Class<K> keyType, String expiry, Instant now, int batch) {
        List<K> keys = jdbc.sql("SELECT " + key + " FROM " + table + " WHERE " + expiry + " < :now FETCH FIRST " + batch
                        + " ROWS ONLY")
                .param("now", JdbcColumns.timestamp(now))
                .query(keyType)
                .list();
        if (keys.isEmpty()) {
            return 0;
        }
        // The expiry again: a key is never stored twice, but a row must not go unless it expired.
        return jdbc.sql("DELETE FROM " + table + " WHERE " + key + " IN (:keys) AND " + expiry + " < :now")
                .param("keys", keys)
                .param("now", JdbcColumns.timestamp(now))
                .update();
    }
}
