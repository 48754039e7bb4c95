package io.github.passkeys4j.spring.account;

import io.github.passkeys4j.spring.account.internal.UserDetailsManagerAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The proxy put around the app's UserDetailsManager must behave like the bean itself. */
class ProxyFinalMethodsTest {

    @Test
    void theAppsJdbcUserDetailsManagerKeepsItsJdbcTemplateAndDataSource() {
        DataSource dataSource = new EmbeddedDatabaseBuilder()
                .setType(org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType.H2)
                .generateUniqueName(true)
                .build();
        JdbcUserDetailsManager bean = new JdbcUserDetailsManager(dataSource);
        bean.afterPropertiesSet();

        JdbcUserDetailsManager proxied = (JdbcUserDetailsManager)
                new UserDetailsManagerAccounts(null).postProcessAfterInitialization(bean, "users");

        assertThat(proxied.getDataSource()).isSameAs(bean.getDataSource());
        assertThat(proxied.getJdbcTemplate()).isSameAs(bean.getJdbcTemplate());
    }
}
