package io.github.passkeys4j.spring.jdbc;

import org.springframework.jdbc.core.SqlTypeValue;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * How our values are written to and read from columns, the same on every database.
 *
 * <p>Instants go to {@code TIMESTAMP WITH TIME ZONE} columns truncated to microseconds (PostgreSQL's precision), so a
 * value reads back equal to {@code instant.truncatedTo(ChronoUnit.MICROS)} on every database. MariaDB and MySQL have
 * no such type: there the columns are {@code DATETIME(6)} holding the instant's UTC date and time, written and read
 * as UTC (a {@link LocalDateTime} written, a timestamp read with a UTC calendar), because their drivers turn an
 * {@link OffsetDateTime} into the JVM's own zone, which differs between nodes, repeats an hour each autumn and skips
 * one each spring. Which way is told by the statement's connection.
 *
 * <p>Lists of strings go to one text column, comma-separated, each element URL-encoded so that a comma inside an
 * element survives; the usual values (transports, base64url credential IDs) are stored as they are. An empty list
 * is the empty string (and so empty-string elements are not kept).
 */
final class JdbcColumns {

    private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);

    private JdbcColumns() {}

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** A parameter for an instant column (or null), bound as its database keeps instants. */
    static SqlTypeValue timestamp(Instant instant) {
        Instant value = instant == null ? null : micros(instant);
        return (PreparedStatement statement, int index, int sqlType, String typeName) -> {
            boolean utcWallTime = utcWallTime(statement.getConnection());
            if (value == null) {
                statement.setNull(index, utcWallTime ? Types.TIMESTAMP : Types.TIMESTAMP_WITH_TIMEZONE);
            } else if (utcWallTime) {
                statement.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC), Types.TIMESTAMP);
            } else {
                statement.setObject(
                        index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
            }
        };
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        if (utcWallTime(rs.getStatement().getConnection())) {
            // Not getObject(column, LocalDateTime.class): MariaDB's driver passes that through the JVM's zone, which
            // moves a time in the zone's spring-forward gap an hour on. A UTC calendar reads it as it is.
            Timestamp value = rs.getTimestamp(column, Calendar.getInstance(UTC));
            return value == null ? null : value.toInstant();
        }
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Whether the database keeps instants as UTC date and time ({@code DATETIME}): MariaDB, MySQL. */
    static boolean utcWallTime(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return "MariaDB".equalsIgnoreCase(product) || "MySQL".equalsIgnoreCase(product);
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
