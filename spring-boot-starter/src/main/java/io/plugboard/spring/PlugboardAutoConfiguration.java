package io.plugboard.spring;

import io.plugboard.host.Plugboard;
import io.plugboard.host.PlugboardBuilder;
import io.plugboard.sdk.EventType;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds and starts a {@link Plugboard} host from the {@code plugboard.*} properties, on the
 * application's {@link DataSource} (unless {@code plugboard.use-app-data-source=false}), with every
 * {@link EventType} bean registered as an app event type and every {@link PlugboardBuilderCustomizer}
 * applied; closes it when the context closes (before the data source, which it depends on). Adds a
 * {@link PlugboardEvents} emitter that joins the current transaction, the host's meters in the
 * application's registry ({@link HostMeterMirror}) and, with Actuator, a health indicator. An
 * application that defines any of these beans itself keeps its own.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnClass(Plugboard.class)
@ConditionalOnProperty(prefix = "plugboard", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(PlugboardProperties.class)
public class PlugboardAutoConfiguration {

    /**
     * The host, started: its server (admin, API) listens on {@code plugboard.port} once this bean exists.
     * The application's SQL initialization and Flyway run first, so its tables exist beside the host's.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public Plugboard plugboard(PlugboardProperties properties, ObjectProvider<DataSource> dataSource,
                               ObjectProvider<EventType> eventTypes, ObjectProvider<PlugboardBuilderCustomizer> customizers) {
        DataSource appData = properties.isUseAppDataSource() ? dataSource.getIfUnique() : null;
        PlugboardBuilder builder = PropertiesToBuilder.apply(properties, appData, Plugboard.builder());
        eventTypes.orderedStream().forEach(builder::eventType);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build().start();
    }

    /** The emitter for the application's events, joining its transactions on the host's data source. */
    @Bean
    @ConditionalOnMissingBean
    public PlugboardEvents plugboardEvents(Plugboard plugboard, PlugboardProperties properties,
                                           ObjectProvider<DataSource> dataSource) {
        return new PlugboardEvents(plugboard, properties.isUseAppDataSource() ? dataSource.getIfUnique() : null);
    }

    /** The host's meters, mirrored into the application's registry (bound by Spring Boot's metrics support). */
    @Bean
    @ConditionalOnMissingBean
    public HostMeterMirror plugboardMeters(Plugboard plugboard) {
        return new HostMeterMirror(plugboard.meterRegistry());
    }

    /** Actuator's health indicator {@code plugboard}, only when Actuator is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class PlugboardHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "plugboardHealthIndicator")
        PlugboardHealthIndicator plugboardHealthIndicator(Plugboard plugboard) {
            return new PlugboardHealthIndicator(plugboard);
        }
    }
}
