package io.github.passkeys4j.demo.nodes;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;

import java.util.List;

import static org.assertj.core.api.Assertions.fail;

/**
 * {@link TwoNodesTest} with the sessions in a real Redis (Spring Session Data Redis, profile {@code session-redis};
 * {@code eval "$(scripts/redis.sh)"} sets {@code PASSKEYS_TEST_REDIS_URL}; without it the tests fail, never skip).
 */
class TwoNodesRedisSessionsTest extends TwoNodesTest {

    private RedisClient redis;
    private StatefulRedisConnection<String, String> connection;

    private static String url() {
        String url = System.getenv("PASSKEYS_TEST_REDIS_URL");
        if (url == null || url.isBlank()) {
            fail("These tests need Redis: run 'eval \"$(scripts/redis.sh)\"' in the repository root"
                    + " (it sets PASSKEYS_TEST_REDIS_URL), or ./scripts/test.sh.");
        }
        return url;
    }

    @Override
    String sessionProfile() {
        return "session-redis";
    }

    @Override
    List<String> sessionArguments() {
        return List.of("--spring.data.redis.url=" + url());
    }

    /** Spring Session's keys ({@code spring:session:sessions:<id>}). */
    @Override
    long sessions() {
        if (connection == null) {
            redis = RedisClient.create(url());
            connection = redis.connect();
        }
        return connection.sync().keys("spring:session:*").size();
    }

    @AfterAll
    void closeRedis() {
        if (connection != null) {
            connection.close();
            redis.shutdown();
        }
    }
}
