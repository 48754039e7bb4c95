package io.github.passkeys4j.spring.testapp;

import io.github.passkeys4j.spring.jdbc.JdbcPasskeyRepository;
import io.github.passkeys4j.spring.jdbc.JdbcPasskeyUserRepository;
import io.github.passkeys4j.spring.jdbc.JdbcPendingCeremonyStore;
import io.github.passkeys4j.spring.jdbc.JdbcUsedChallengeStore;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PasskeyUserRepository;
import io.github.passkeys4j.store.PendingCeremonyStore;
import io.github.passkeys4j.store.UsedChallengeStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import org.springframework.context.support.GenericApplicationContext;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the test app itself: the HTTP tests that give it a DataSource must really run on JDBC. When the test app's
 * component scan reached the starter's own packages, its configuration classes were taken as the app's, evaluated
 * before Boot's DataSource, and every such test quietly ran on in-memory storage.
 */
@SpringBootTest(
        classes = TestApplication.class,
        properties = "spring.datasource.url=jdbc:h2:mem:testappscan;DB_CLOSE_DELAY=-1")
class TestAppScanTest {

    @Autowired
    GenericApplicationContext context;

    @Test
    void withADataSourceTheStorageIsJdbc() {
        assertThat(context.getBean(PasskeyRepository.class)).isInstanceOf(JdbcPasskeyRepository.class);
        assertThat(context.getBean(PasskeyUserRepository.class)).isInstanceOf(JdbcPasskeyUserRepository.class);
        assertThat(context.getBean(PendingCeremonyStore.class)).isInstanceOf(JdbcPendingCeremonyStore.class);
        assertThat(context.getBean(UsedChallengeStore.class)).isInstanceOf(JdbcUsedChallengeStore.class);
    }

    @Test
    void onlyTheTestAppsOwnClassesAreScanned() {
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        var scanned = Arrays.stream(beans.getBeanDefinitionNames())
                .map(beans::getBeanDefinition)
                .filter(ScannedGenericBeanDefinition.class::isInstance)
                .map(definition -> definition.getBeanClassName())
                .toList();
        // The probe endpoints, display names and event log the HTTP tests use: still found by the scan.
        assertThat(scanned)
                .contains(
                        TestApplication.Probe.class.getName(),
                        TestApplication.DisplayNames.class.getName(),
                        TestApplication.EventLog.class.getName())
                .allSatisfy(name -> assertThat(name).startsWith(TestApplication.class.getPackageName() + "."));
        // The starter's configuration arrives through auto-configuration only (@Import'ed beans are named by class).
        assertThat(beans.containsBeanDefinition("io.github.passkeys4j.spring.autoconfigure.PasskeysJdbcConfiguration"))
                .isTrue();
    }
}
