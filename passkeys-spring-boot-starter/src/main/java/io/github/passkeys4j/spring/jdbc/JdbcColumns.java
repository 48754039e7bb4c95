package io.github.passkeys4j.spring.jdbc;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How our values are written to and read from columns, the same on every database.
 *
 * <p>Instants go to {@code TIMESTAMP WITH TIME ZONE} columns truncated to microseconds (PostgreSQL's precision), so a
 * value reads back equal to {@code instant.truncatedTo(ChronoUnit.MICROS)} on every database.
 *
 * <p>Lists of strings go to one text column, comma-separated, each element URL-encoded so that a comma inside an
 * element survives; the usual values (transports, base64url credential IDs) are stored as they are. An empty list
 * is the empty string (and so empty-string elements are not kept).
 */
final class JdbcColumns {

    private JdbcColumns() {}

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(micros(instant), ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String join(Collection<String> values) {
        return values.stream()
                .filter(value -> !value.isEmpty())
                .map(value -> URLEncoder.encode(value, StandardCharsets.UTF_8))
                .collect(Collectors.joining(","));
    }

    static List<String> split(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(column.split(",", -1))
                .filter(value -> !value.isEmpty())
                .map(value -> URLDecoder.decode(value, StandardCharsets.UTF_8))
                .toList();
    }
}
