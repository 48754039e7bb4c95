package io.github.passkeys4j.demo.nodes;

import java.sql.SQLException;
import java.util.List;

/** {@link TwoNodesTest} with the sessions in PostgreSQL (Spring Session JDBC, profile {@code session-jdbc}). */
class TwoNodesJdbcSessionsTest extends TwoNodesTest {

    @Override
    String sessionProfile() {
        return "session-jdbc";
    }

    @Override
    List<String> sessionArguments() {
        return List.of();
    }

    @Override
    long sessions() {
        try {
            return NodeDatabase.count("SELECT COUNT(*) FROM spring_session");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
