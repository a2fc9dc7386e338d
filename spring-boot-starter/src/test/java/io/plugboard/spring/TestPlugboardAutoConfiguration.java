package io.plugboard.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.Plugboard;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What the auto-configuration does without a DataSource (the host's own SQLite file): it builds and
 * starts a host from the properties and closes it with the context, backs off for the application's
 * own host or {@code plugboard.enabled=false}, and refuses contradictory properties naming them.
 */
class TestPlugboardAutoConfiguration {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PlugboardAutoConfiguration.class))
                .withPropertyValues("plugboard.port=0", "plugboard.data-dir=" + dir.resolve("data"),
                        "plugboard.plugins-dir=" + dir.resolve("plugins"));
    }

    @Test
    void theHostIsBuiltFromThePropertiesStartedAndClosedWithTheContext() {
        Plugboard[] seen = new Plugboard[1];
        runner().withPropertyValues("plugboard.base-path=/plugboard", "plugboard.site-name=Shop").run(context -> {
            assertThat(context).hasSingleBean(Plugboard.class).hasSingleBean(PlugboardEvents.class)
                    .hasSingleBean(HostMeterMirror.class).hasBean("plugboardHealthIndicator");
            seen[0] = context.getBean(Plugboard.class);
            assertThat(seen[0].baseUrl()).endsWith("/plugboard").doesNotEndWith(":0/plugboard");
            assertThat(dir.resolve("data/plugboard.db")).exists();
        });
        assertThat(seen[0]).isNotNull();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(seen[0]::port))
                .as("closed with the context").hasMessageContaining("not running");
    }

    @Test
    void anApplicationsOwnHostIsKept() {
        runner().withBean("myHost", Plugboard.class, () -> Plugboard.builder().port(0).dataDir(dir.resolve("own"))
                        .pluginsDir(dir.resolve("plugins")).build().start(), bd -> bd.setDestroyMethodName("close"))
                .run(context -> {
                    assertThat(context).hasSingleBean(Plugboard.class).hasBean("myHost");
                    assertThat(dir.resolve("data")).doesNotExist();
                });
    }

    @Test
    void nothingStartsWhenDisabled() {
        runner().withPropertyValues("plugboard.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(Plugboard.class).doesNotHaveBean(PlugboardEvents.class);
            assertThat(dir.resolve("data")).doesNotExist();
        });
    }

    @Test
    void anAdminUserWithoutPasswordIsRefusedNamingBothProperties() {
        runner().withPropertyValues("plugboard.admin-user=admin").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessage("give both plugboard.admin-user and plugboard.admin-password, or neither"));
    }

    @Test
    void aSchemaWithoutADataSourceIsRefused() {
        runner().withPropertyValues("plugboard.schema=plugboard").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("plugboard.schema is set but there is no DataSource"));
    }
}
