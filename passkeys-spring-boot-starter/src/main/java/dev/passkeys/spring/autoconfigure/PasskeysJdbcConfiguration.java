package dev.passkeys.spring.autoconfigure;

import org.springframework.context.annotation.Configuration;

/** Placeholder until the JDBC storage lands: JDBC repositories when the app has a DataSource. */
@Configuration(proxyBeanMethods = false)
class PasskeysJdbcConfiguration {
}
