package io.github.passkeys4j.sample;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;

/** The app's content: short notes, each belonging to one account. */
@Repository
class Notes {

    /** A note as the page and the API show it; the API writes it in snake_case ({@code created_at}). */
    record Note(long id, String text, OffsetDateTime createdAt) {}

    private final JdbcClient jdbc;

    Notes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Note> of(long userId) {
        return jdbc.sql("SELECT id, text, created_at FROM note WHERE user_id = ? ORDER BY created_at DESC, id DESC")
                .param(userId)
                .query((rs, row) -> new Note(
                        rs.getLong("id"), rs.getString("text"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    void add(long userId, String text) {
        jdbc.sql("INSERT INTO note (user_id, text) VALUES (?, ?)")
                .params(userId, text)
                .update();
    }
}
