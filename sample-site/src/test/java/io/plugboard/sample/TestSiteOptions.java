package io.plugboard.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.Plugboard;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSiteOptions {

    @Test
    void defaults() {
        SiteOptions o = SiteOptions.parse(new String[0], Map.of());
        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.host()).isEqualTo("127.0.0.1");
        assertThat(o.dataDir()).isEqualTo(Path.of("plugboard-data"));
        assertThat(o.pluginsDir().getFileName()).isEqualTo(Path.of("plugins"));
        assertThat(o.watchPlugins()).as("the sample site deploys dropped-in jars").isTrue();
        assertThat(o.warnOnInvalidEventData()).isFalse();
    }

    @Test
    void developmentPluginsFromFlagsAndThePathSeparatedVariable() {
        SiteOptions o = SiteOptions.parse(new String[] {"--dev-plugin", ".", "--dev-plugin=../shipping/target/classes"},
                Map.of("PLUGBOARD_DEV_PLUGINS", "a" + File.pathSeparator + " b/classes " + File.pathSeparator));
        assertThat(o.devPlugins()).containsExactly(Path.of("a"), Path.of("b/classes"), Path.of("."),
                Path.of("../shipping/target/classes"));
        assertThat(SiteOptions.parse(new String[0], Map.of()).devPlugins()).isEmpty();
        assertThat(SiteOptions.USAGE).contains("--dev-plugin DIR").contains("PLUGBOARD_DEV_PLUGINS=DIR" + File.pathSeparator);
    }

    @Test
    void pluginWatchingAndEventDataChecks() {
        assertThat(SiteOptions.parse(new String[] {"--no-watch-plugins"}, Map.of()).watchPlugins()).isFalse();
        assertThat(SiteOptions.parse(new String[0], Map.of("PLUGBOARD_WATCH_PLUGINS", "false")).watchPlugins()).isFalse();
        assertThat(SiteOptions.parse(new String[] {"--event-data-check", "warn"}, Map.of()).warnOnInvalidEventData())
                .isTrue();
        assertThat(SiteOptions.parse(new String[0], Map.of("PLUGBOARD_EVENT_DATA_CHECK", "WARN"))
                .warnOnInvalidEventData()).isTrue();
        assertThat(SiteOptions.parse(new String[] {"--event-data-check=reject"}, Map.of()).warnOnInvalidEventData())
                .isFalse();
        assertThatThrownBy(() -> SiteOptions.parse(new String[] {"--event-data-check", "maybe"}, Map.of()))
                .hasMessage("--event-data-check must be reject or warn, not 'maybe'");
    }

    @Test
    void environmentThenFlags() {
        Map<String, String> env = Map.of("PLUGBOARD_PORT", "9000", "PLUGBOARD_DATA_DIR", "/srv/data",
                "PLUGBOARD_PLUGINS_DIR", "/srv/plugins", "PLUGBOARD_HOST", "0.0.0.0");
        SiteOptions fromEnv = SiteOptions.parse(new String[0], env);
        assertThat(fromEnv.port()).isEqualTo(9000);
        assertThat(fromEnv.host()).isEqualTo("0.0.0.0");
        assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/srv/data"));
        assertThat(fromEnv.pluginsDir()).isEqualTo(Path.of("/srv/plugins"));

        assertThat(fromEnv.allowPrivateTargets()).isFalse();
        SiteOptions flags = SiteOptions.parse(new String[] {"--port=9100", "--data-dir", "d", "--plugins-dir=p",
                "--allow-private-targets", "--allow-target", "10.1.0.0/16", "--allow-target=hooks.lan"}, env);
        assertThat(flags.allowPrivateTargets()).isTrue();
        assertThat(flags.allowedTargets()).containsExactly("10.1.0.0/16", "hooks.lan");
        assertThat(SiteOptions.parse(new String[0], Map.of("PLUGBOARD_ALLOW_PRIVATE_TARGETS", "true",
                "PLUGBOARD_ALLOW_TARGETS", "a.lan, 192.168.1.0/24")).allowedTargets()).containsExactly("a.lan", "192.168.1.0/24");
        assertThat(flags.allowedHosts()).isEmpty();
        assertThat(flags.publicUrl()).isNull();
        SiteOptions named = SiteOptions.parse(new String[] {"--allowed-hosts", "admin.example.com, 10.0.0.5:8080",
                "--public-url=https://hooks.example.com"}, Map.of("PLUGBOARD_ALLOWED_HOSTS", "ops.lan"));
        assertThat(named.allowedHosts()).containsExactly("ops.lan", "admin.example.com", "10.0.0.5:8080");
        assertThat(named.publicUrl()).isEqualTo("https://hooks.example.com");
        assertThat(SiteOptions.parse(new String[0], Map.of("PLUGBOARD_PUBLIC_URL", "https://h.example")).publicUrl())
                .isEqualTo("https://h.example");
        assertThat(flags.port()).isEqualTo(9100);
        assertThat(flags.dataDir()).isEqualTo(Path.of("d"));
        assertThat(flags.pluginsDir()).isEqualTo(Path.of("p"));
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertThatThrownBy(() -> SiteOptions.parse(new String[] {"--port", "http"}, Map.of()))
                .hasMessage("port must be a number, not 'http'");
        assertThatThrownBy(() -> SiteOptions.parse(new String[] {"--port", "99999"}, Map.of()))
                .hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> SiteOptions.parse(new String[] {"--colour", "red"}, Map.of()))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> SiteOptions.parse(new String[] {"--data-dir"}, Map.of()))
                .hasMessage("--data-dir needs a value");
        assertThat(SiteOptions.parse(new String[] {"--help"}, Map.of()).help()).isTrue();
        assertThatThrownBy(() -> SiteOptions.parse(new String[] {"--admin-user", "root"}, Map.of()))
                .hasMessageContaining("both --admin-user and --admin-password");
        SiteOptions admin = SiteOptions.parse(new String[0], Map.of("PLUGBOARD_ADMIN_USER", "root",
                "PLUGBOARD_ADMIN_PASSWORD", "a long passphrase"));
        assertThat(admin.adminUser()).isEqualTo("root");
        assertThat(admin.adminPassword()).isEqualTo("a long passphrase");
    }

    @Test
    void aSharedDatabaseFromFlagsOrEnvironmentWithoutShowingThePassword() {
        SiteOptions none = SiteOptions.parse(new String[0], Map.of());
        assertThat(none.databaseUrl()).as("SQLite in the data folder by default").isNull();
        SiteOptions env = SiteOptions.parse(new String[0], Map.of("PLUGBOARD_DATABASE_URL",
                "jdbc:postgresql://db:5432/plugboard", "PLUGBOARD_DATABASE_USER", "pb",
                "PLUGBOARD_DATABASE_PASSWORD", "s3cret-pw", "PLUGBOARD_INSTANCE_ID", "web-1"));
        assertThat(env.databaseUrl()).isEqualTo("jdbc:postgresql://db:5432/plugboard");
        assertThat(env.databaseUser()).isEqualTo("pb");
        assertThat(env.databasePassword()).isEqualTo("s3cret-pw");
        assertThat(env.instanceId()).isEqualTo("web-1");
        assertThat(env.toString()).doesNotContain("s3cret-pw");
        SiteOptions flags = SiteOptions.parse(new String[] {"--database", "jdbc:postgresql://other/x",
                "--database-user=u", "--instance-id", "web-2"}, Map.of("PLUGBOARD_DATABASE_URL", "jdbc:postgresql://db/y"));
        assertThat(flags.databaseUrl()).as("flags win").isEqualTo("jdbc:postgresql://other/x");
        assertThat(flags.instanceId()).isEqualTo("web-2");
        assertThatThrownBy(() -> SiteOptions.parse(new String[] {"--database-user", "u"}, Map.of()))
                .hasMessageContaining("need --database");
    }

    @Test
    void templateBudgetFromEnvironmentOrFlags() {
        SiteOptions defaults = SiteOptions.parse(new String[0], Map.of());
        assertThat(defaults.templateMaxTimeMs()).isEqualTo(250);
        assertThat(defaults.templateMaxBytes()).isEqualTo(256 * 1024);
        SiteOptions env = SiteOptions.parse(new String[0], Map.of("PLUGBOARD_TEMPLATE_MAX_TIME", "500",
                "PLUGBOARD_TEMPLATE_MAX_BYTES", "65536"));
        assertThat(env.templateMaxTimeMs()).isEqualTo(500);
        assertThat(env.templateMaxBytes()).isEqualTo(65536);
        SiteOptions flags = SiteOptions.parse(new String[] {"--template-max-time", "100", "--template-max-bytes=4096"},
                Map.of("PLUGBOARD_TEMPLATE_MAX_TIME", "500"));
        assertThat(flags.templateMaxTimeMs()).isEqualTo(100);
        assertThat(flags.templateMaxBytes()).isEqualTo(4096);
        assertThatThrownBy(() -> SiteOptions.parse(new String[] {"--template-max-time", "soon"}, Map.of()))
                .hasMessage("--template-max-time must be a whole number of at least 1, not 'soon'");
        assertThatThrownBy(() -> SiteOptions.parse(new String[] {"--template-max-bytes", "10"}, Map.of()))
                .hasMessageContaining("at least 1024");
    }

    @Test
    void outboundProxyFlagsWithoutShowingThePassword() {
        SiteOptions o = SiteOptions.parse(new String[] {"--outbound-proxy", "http://egress:hunter2@10.0.0.2:3128",
                "--no-proxy=.internal, 10.0.0.7", "--no-proxy", "hooks.lan"}, Map.of());
        assertThat(o.hostVariables()).containsEntry("PLUGBOARD_OUTBOUND_PROXY", "http://egress:hunter2@10.0.0.2:3128")
                .containsEntry("PLUGBOARD_NO_PROXY", ".internal, 10.0.0.7,hooks.lan");
        assertThat(o.toString()).doesNotContain("hunter2");
        assertThat(SiteOptions.parse(new String[0], Map.of()).hostVariables()).doesNotContainKey("PLUGBOARD_OUTBOUND_PROXY");
    }

    @Test
    void basePathFromEnvironmentOrFlagWithTheRootAsDefault() {
        assertThat(SiteOptions.parse(new String[0], Map.of()).basePath()).isEmpty();
        assertThat(SiteOptions.parse(new String[0], Map.of("PLUGBOARD_BASE_PATH", "/plugboard")).basePath())
                .isEqualTo("/plugboard");
        assertThat(SiteOptions.parse(new String[] {"--base-path", "/hooks"}, Map.of("PLUGBOARD_BASE_PATH", "/plugboard"))
                .basePath()).isEqualTo("/hooks");
        assertThat(SiteOptions.parse(new String[] {"--base-path=/"}, Map.of()).basePath()).isEmpty();
    }

    @Test
    void aRateLimitFlagGoesToTheHostsBindingAndWinsOverTheVariable() throws IOException {
        assertThat(SiteOptions.parse(new String[0], Map.of()).hostVariables()).isEmpty();
        SiteOptions options = SiteOptions.parse(new String[] {"--port", "0", "--data-dir",
                Files.createTempDirectory("sample-data").toString(), "--plugins-dir",
                Files.createTempDirectory("sample-plugins").toString(), "--rate-limit", "fast"}, Map.of());
        assertThat(options.hostVariables()).containsEntry("PLUGBOARD_DELIVERY_RATE_LIMIT", "fast");
        assertThatThrownBy(() -> SampleSite.start(options, Map.of("PLUGBOARD_DELIVERY_RATE_LIMIT", "5")))
                .as("the flag's value reached the binding, which refuses it").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PLUGBOARD_DELIVERY_RATE_LIMIT");
    }

    @Test
    void theOtherPlugboardVariablesReachTheHostAndAnUnknownOneIsRefused() throws IOException {
        Path data = Files.createTempDirectory("sample-data");
        SiteOptions options = SiteOptions.parse(new String[] {"--port", "0", "--data-dir", data.toString(),
                "--plugins-dir", Files.createTempDirectory("sample-plugins").toString()}, Map.of());
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        try (Plugboard host = SampleSite.start(options, Map.of("PLUGBOARD_SECRETS_KEY", key, "PLUGBOARD_PORT", "1"))) {
            assertThat(host.port()).as("the flag, not the variable SiteOptions already read").isNotEqualTo(1);
            assertThat(data.resolve("secrets.key")).as("the key came from PLUGBOARD_SECRETS_KEY").doesNotExist();
        }
        assertThatThrownBy(() -> SampleSite.start(options, Map.of("PLUGBOARD_SECRET_KEY", key)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PLUGBOARD_SECRET_KEY");
    }

    @Test
    void pluginTrustAndRepositoryFlagsReachTheHostAndWinOverItsVariables() throws IOException {
        SiteOptions o = SiteOptions.parse(new String[] {"--plugin-repository", "http://127.0.0.1:1/a/plugins.json",
                "--plugin-repository=http://127.0.0.1:1/b/plugins.json", "--require-signed-plugins",
                "--trusted-plugin-keys", "keys.pem", "--plugin-auto-update", "patch"}, Map.of());

        assertThat(o.hostVariables()).containsEntry("PLUGBOARD_PLUGIN_REPOSITORIES",
                        "http://127.0.0.1:1/a/plugins.json,http://127.0.0.1:1/b/plugins.json")
                .containsEntry("PLUGBOARD_REQUIRE_SIGNED_PLUGINS", "true")
                .containsEntry("PLUGBOARD_TRUSTED_PLUGIN_KEYS", "keys.pem")
                .containsEntry("PLUGBOARD_PLUGIN_AUTO_UPDATE", "patch");

        Path data = Files.createTempDirectory("sample-data");
        Path keys = data.resolve("missing-keys.pem");
        SiteOptions started = SiteOptions.parse(new String[] {"--port", "0", "--data-dir", data.toString(),
                "--plugins-dir", Files.createTempDirectory("sample-plugins").toString(),
                "--trusted-plugin-keys", keys.toString()}, Map.of());
        assertThatThrownBy(() -> SampleSite.start(started, Map.of("PLUGBOARD_TRUSTED_PLUGIN_KEYS", "other.pem")))
                .as("the flag's file, not the variable's, is the one the host reads").hasMessageContaining("missing-keys.pem");
    }
}
