package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.spring.metrics.CeremonyObserver;
import io.github.passkeys4j.spring.metrics.internal.MicrometerCeremonyObserver;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Supplier;

/** The {@code passkeys.ceremony} timer when the app has Micrometer (e.g. through Actuator). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterRegistry.class)
class PasskeysMetricsConfiguration {

    // The registry is looked up when first needed: Boot's metrics auto-configuration may run after this one.
    @Bean
    @ConditionalOnMissingBean
    CeremonyObserver passkeysCeremonyObserver(ObjectProvider<MeterRegistry> registry) {
        return new CeremonyObserver() {
            private volatile CeremonyObserver delegate;

            @Override
            public <T> T observe(String ceremony, Supplier<T> work) {
                CeremonyObserver observer = delegate;
                if (observer == null) {
                    MeterRegistry meters = registry.getIfAvailable();
                    observer = meters == null ? CeremonyObserver.NONE : new MicrometerCeremonyObserver(meters);
                    delegate = observer;
                }
                return observer.observe(ceremony, work);
            }
        };
    }
}
