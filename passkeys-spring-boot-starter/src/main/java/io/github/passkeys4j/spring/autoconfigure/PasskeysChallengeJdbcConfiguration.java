package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.spring.jdbc.JdbcChallengeKeys;
import io.github.passkeys4j.spring.jdbc.JdbcUsedChallengeStore;
import io.github.passkeys4j.spring.jdbc.PasskeysJdbcSchemaInitializer;
import io.github.passkeys4j.store.ChallengeKeys;
import io.github.passkeys4j.store.UsedChallengeStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * Sealed sign-in challenges over JDBC (tables {@code passkeys_used_challenge} and {@code passkeys_challenge_key}):
 * every node signs with the same key and records a finished sign-in in the same table, so options from one node
 * finish on any other, once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({JdbcTemplate.class, PasskeysJdbcSchemaInitializer.class})
@ConditionalOnSingleCandidate(DataSource.class)
class PasskeysChallengeJdbcConfiguration {

    @Bean
    @ConditionalOnMissingBean
    UsedChallengeStore usedChallengeStore(DataSource dataSource) {
        return new JdbcUsedChallengeStore(new JdbcTemplate(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    ChallengeKeys challengeKeys(DataSource dataSource) {
        return new JdbcChallengeKeys(new JdbcTemplate(dataSource));
    }
}
