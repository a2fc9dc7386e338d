package io.plugboard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.internal.config.HostConfig;
import io.plugboard.host.testing.TestHost;
import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code fromProperties} and {@code fromEnvironment}: every option has a key, each key sets what the
 * builder method would, bad values and unknown keys are refused naming the key, and no public builder
 * method can be added without a key or a stated reason for none.
 */
class TestConfigBinding {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    /** Every key, with a value other than the default; {@link #expected()} is the same set through the builder. */
    private static Map<String, String> everyKey() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("plugins-dir", "/srv/plugins");
        m.put("data-dir", "/srv/data");
        m.put("port", "9090");
        m.put("host", "0.0.0.0");
        m.put("site-name", "Shop admin");
        m.put("allow-private-targets", "true");
        m.put("allow-targets", "10.1.0.0/16, hooks.lan");
        m.put("outbound-proxy", "http://proxy.internal:3128");
        m.put("outbound-proxy-user", "egress");
        m.put("outbound-proxy-password", "pw:1");
        m.put("no-proxy", ".internal.example, 10.0.0.9");
        m.put("admin-user", "root");
        m.put("admin-password", "a long passphrase");
        m.put("session-idle-timeout", "45");
        m.put("behind-proxy", "TRUE");
        m.put("max-request-bytes", "2MB");
        m.put("database-url", "jdbc:postgresql://db:5432/hooks");
        m.put("database-user", "hooks");
        m.put("database-password", "pw");
        m.put("security-headers", "false");
        m.put("watch-plugins", "false");
        m.put("content-security-policy", "default-src 'self'; img-src *");
        m.put("dev-plugins", "a/classes" + File.pathSeparator + "b/classes");
        m.put("max-plugin-bytes", "10485760");
        m.put("plugin-time-limit", "10");
        m.put("trusted-plugin-keys", "/etc/plugboard/trusted-keys.pem");
        m.put("require-signed-plugins", "true");
        m.put("plugin-repositories", "https://plugins.acme.example/repo/, http://intranet/plugins.json");
        m.put("plugin-auto-update", "Patch");
        m.put("plugin-update-check-interval", "6h");
        m.put("event-data-check", "warn");
        m.put("instance-id", "web-1");
        m.put("template-max-time", "100");
        m.put("template-max-bytes", "64KB");
        m.put("allowed-hosts", "admin.example.com,10.0.0.5:8080");
        m.put("webhook-failing-after", "4");
        m.put("inbound-burst-refusals", "25");
        m.put("inbound-burst-window", "90");
        m.put("public-url", "https://hooks.example.com");
        m.put("disabled-sections", "upload, INSPECTOR");
        m.put("logo-url", "/assets/logo.svg");
        m.put("primary-color", "#0F766E");
        m.put("stylesheet", "https://cdn.example.com/brand.css");
        m.put("footer", "© Shop <b>");
        m.put("portal-frame-ancestors", "https://app.example.com, https://*.example.com");
        m.put("secrets-key", KEY);
        m.put("own-login", "true");
        m.put("login-url", "/login");
        m.put("logout-url", "https://sso.example.com/logout");
        m.put("base-path", "/hooks");
        m.put("delivery.retry-schedule", "1s, 1m, PT1H");
        m.put("delivery.jitter", "0.1");
        m.put("delivery.connect-timeout", "3");
        m.put("delivery.request-timeout", "10s");
        m.put("delivery.max-response-body-bytes", "4KB");
        m.put("delivery.max-in-flight-per-webhook", "2");
        m.put("delivery.max-in-flight-total", "50");
        m.put("delivery.max-retry-after", "30m");
        m.put("delivery.auto-disable-after", "2");
        m.put("delivery.auto-disable-min-failures", "10");
        m.put("delivery.secret-rotation-overlap", "12h");
        m.put("delivery.retention", "7d");
        m.put("delivery.drain-timeout", "5000ms");
        m.put("delivery.lease-duration", "90s");
        m.put("delivery.rate-limit", "2.5");
        return m;
    }

    private static HostConfig expected() {
        return Plugboard.builder().pluginsDir(Path.of("/srv/plugins")).dataDir(Path.of("/srv/data")).port(9090)
                .bindHost("0.0.0.0").siteName("Shop admin").allowPrivateTargets(true).allowTarget("10.1.0.0/16")
                .allowTarget("hooks.lan").outboundProxy("http://proxy.internal:3128").outboundProxyCredentials("egress", "pw:1")
                .noProxy(".internal.example").noProxy("10.0.0.9").adminUser("root", "a long passphrase").sessionIdleTimeout(Duration.ofMinutes(45))
                .behindProxy(true).maxRequestBytes(2 * 1024 * 1024).database("jdbc:postgresql://db:5432/hooks", "hooks", "pw")
                .securityHeaders(false).watchPluginsDir(false).contentSecurityPolicy("default-src 'self'; img-src *")
                .developmentPlugin(Path.of("a/classes")).developmentPlugin(Path.of("b/classes")).maxPluginBytes(10485760)
                .pluginTimeLimits(Duration.ofSeconds(10), Duration.ofSeconds(10))
                .trustedPluginKeys(Path.of("/etc/plugboard/trusted-keys.pem")).requireSignedPlugins(true)
                .pluginRepository("https://plugins.acme.example/repo/").pluginRepository("http://intranet/plugins.json")
                .pluginAutoUpdate(PluginAutoUpdate.PATCH).pluginUpdateCheckInterval(Duration.ofHours(6))
                .eventDataCheck(Plugboard.EventDataCheck.WARN)
                .instanceId("web-1").templateBudget(Duration.ofMillis(100), 64 * 1024).allowedHost("admin.example.com")
                .webhookFailingAfter(4).inboundRefusedBurst(25, Duration.ofSeconds(90))
                .allowedHost("10.0.0.5:8080").publicUrl("https://hooks.example.com")
                .disableSections(AdminSection.UPLOAD, AdminSection.INSPECTOR).logoUrl("/assets/logo.svg")
                .primaryColor("#0f766e").stylesheet("https://cdn.example.com/brand.css").footer("© Shop <b>")
                .portalFrameAncestors("https://app.example.com", "https://*.example.com").secretsKey(KEY)
                .ownLogin(true).loginUrl("/login").logoutUrl("https://sso.example.com/logout").basePath("/hooks")
                .delivery(DeliverySettings.builder()
                        .retrySchedule(List.of(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1)))
                        .jitter(0.1).connectTimeout(Duration.ofSeconds(3)).requestTimeout(Duration.ofSeconds(10))
                        .maxResponseBodyBytes(4096).maxInFlightPerWebhook(2).maxInFlightTotal(50)
                        .maxRetryAfter(Duration.ofMinutes(30)).autoDisable(Duration.ofDays(2), 10)
                        .secretRotationOverlap(Duration.ofHours(12)).retention(Duration.ofDays(7))
                        .drainTimeout(Duration.ofSeconds(5)).leaseDuration(Duration.ofSeconds(90)).rateLimit(2.5).build())
                .draft().toConfig();
    }

    private static Properties properties(String prefix, Map<String, String> values) {
        Properties p = new Properties();
        values.forEach((k, v) -> p.setProperty(prefix + k, v));
        return p;
    }

    private static Map<String, String> environment(String prefix, Map<String, String> values) {
        Map<String, String> env = new LinkedHashMap<>();
        values.forEach((k, v) -> env.put(prefix + k.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_'), v));
        return env;
    }

    @Test
    void noBindingOrDefaultWeakensPasswordHashing() {
        Properties every = properties("plugboard.", everyKey());
        assertThat(Plugboard.builder().draft().toConfig().admin().passwordHashing())
                .isSameAs(io.plugboard.host.internal.auth.PasswordHashing.standard());
        assertThat(Plugboard.builder().fromProperties(every, "plugboard.").draft().toConfig().admin().passwordHashing())
                .isSameAs(io.plugboard.host.internal.auth.PasswordHashing.standard());
    }

    @Test
    void theTestCoversEveryKeyOfTheTable() {
        assertThat(everyKey().keySet()).containsExactlyInAnyOrderElementsOf(ConfigBindings.keys());
    }

    @Test
    void theOutboundProxyTakesCredentialsInItsUrlAndNeverRepeatsThePassword() {
        HostConfig bound = Plugboard.builder().fromEnvironment("PLUGBOARD_",
                Map.of("PLUGBOARD_OUTBOUND_PROXY", "http://egress:p%40ss@10.0.0.2:8080/")).draft().toConfig();
        assertThat(bound.outboundProxy()).isEqualTo(new io.plugboard.host.internal.delivery.OutboundProxy("10.0.0.2", 8080,
                "egress", "p@ss", List.of()));
        assertThat(bound.toString()).doesNotContain("p@ss");
        assertThatThrownBy(() -> Plugboard.builder().fromEnvironment("PLUGBOARD_",
                Map.of("PLUGBOARD_OUTBOUND_PROXY", "socks5://user:hunter2@proxy:1080")))
                .hasMessageStartingWith("PLUGBOARD_OUTBOUND_PROXY: the outbound proxy must be http://host:port")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> Plugboard.builder().noProxy("internal").draft().toConfig())
                .hasMessageContaining("need an outboundProxy(url)");
    }

    @Test
    void everyOptionIsBoundFromProperties() {
        Properties props = properties("plugboard.", everyKey());
        props.setProperty("other.port", "1");
        HostConfig bound = Plugboard.builder().fromProperties(props, "plugboard.").draft().toConfig();
        assertThat(bound).isEqualTo(expected());
    }

    @Test
    void everyOptionIsBoundFromTheEnvironment() {
        Map<String, String> env = environment("PLUGBOARD_", everyKey());
        assertThat(env).containsKeys("PLUGBOARD_DATA_DIR", "PLUGBOARD_HOST", "PLUGBOARD_SECRETS_KEY",
                "PLUGBOARD_DELIVERY_RETRY_SCHEDULE", "PLUGBOARD_DISABLED_SECTIONS");
        env.put("HOME", "/root");
        env.put("PLUGBOARDING", "not ours");
        HostConfig bound = Plugboard.builder().fromEnvironment("PLUGBOARD_", env).draft().toConfig();
        assertThat(bound).isEqualTo(expected());
    }

    @Test
    void theApplicationChoosesThePrefixAndBlankValuesCountAsUnset() {
        HostConfig bound = Plugboard.builder().port(7000)
                .fromEnvironment("SHOP_HOOKS_", Map.of("SHOP_HOOKS_PORT", "7001", "SHOP_HOOKS_SITE_NAME", " ",
                        "PLUGBOARD_PORT", "1"))
                .draft().toConfig();
        assertThat(bound.web().port()).isEqualTo(7001);
        assertThat(bound.site().name()).isEqualTo("Plugboard");
        assertThat(Plugboard.builder().fromProperties(properties("app.plugboard.", Map.of("port", "7002")), "app.plugboard.")
                .port(7003).draft().toConfig().web().port()).as("a later builder call wins").isEqualTo(7003);
    }

    @Test
    void ownLoginCanBeTurnedOffByKeyWhenTheApplicationGivesAnAuthenticator() {
        HostConfig bound = Plugboard.builder().authenticator(request -> java.util.Optional.empty())
                .fromProperties(properties("plugboard.", Map.of("own-login", "false")), "plugboard.").draft().toConfig();
        assertThat(bound.admin().login().ownLogin()).isFalse();
    }

    @Test
    void badValuesAreRefusedNamingTheKeyAndWhatIsWrong() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("port", "eighty|whole number");
        bad.put("plugin-time-limit", "5 parsecs|duration such as");
        bad.put("behind-proxy", "yes|true or false");
        bad.put("primary-color", "red;}body{display:none|CSS hex colour");
        bad.put("logo-url", "javascript:alert(1)|https:// URL");
        bad.put("disabled-sections", "upload,bogus|the sections are upload, inspector");
        bad.put("event-data-check", "ignore|reject or warn");
        bad.put("max-request-bytes", "12 parsecs|size in bytes");
        bad.put("secrets-key", "c2hvcnQ=|32 bytes");
        bad.put("allowed-hosts", "bad host!|not a host name");
        bad.put("footer", "two\nlines|one line");
        bad.put("portal-frame-ancestors", "https://app.example.com/path|origin only");
        bad.forEach((key, valueAndMessage) -> {
            String[] parts = valueAndMessage.split("\\|");
            assertThatThrownBy(() -> Plugboard.builder().fromProperties(properties("plugboard.", Map.of(key, parts[0])),
                    "plugboard."))
                    .as(key).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("plugboard." + key).hasMessageContaining(parts[1]);
        });
        assertThatThrownBy(() -> Plugboard.builder().fromEnvironment("PLUGBOARD_", Map.of("PLUGBOARD_PORT", "70000")))
                .hasMessageContaining("PLUGBOARD_PORT").hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> Plugboard.builder().fromEnvironment("PLUGBOARD_", Map.of("PLUGBOARD_ADMIN_USER", "root")))
                .hasMessageContaining("PLUGBOARD_ADMIN_USER").hasMessageContaining("admin password");
        assertThatThrownBy(() -> Plugboard.builder().fromEnvironment("PLUGBOARD_", Map.of(
                "PLUGBOARD_DELIVERY_REQUEST_TIMEOUT", "60s", "PLUGBOARD_DELIVERY_LEASE_DURATION", "30s")))
                .hasMessageContaining("PLUGBOARD_DELIVERY_LEASE_DURATION").hasMessageContaining("leaseDuration");
    }

    @Test
    void unknownKeysUnderThePrefixAreRefusedSoTyposAreCaught() {
        assertThatThrownBy(() -> Plugboard.builder().fromEnvironment("PLUGBOARD_", Map.of("PLUGBOARD_PROT", "8080")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PLUGBOARD_PROT is not a Plugboard option");
        assertThatThrownBy(() -> Plugboard.builder().fromProperties(properties("plugboard.", Map.of("data_dir", "/x")),
                "plugboard.")).hasMessageContaining("plugboard.data_dir is not a Plugboard option");
        assertThatThrownBy(() -> Plugboard.builder().fromEnvironment("", Map.of()))
                .hasMessageContaining("prefix must not be empty");
    }

    @Test
    void everyPublicBuilderMethodHasAKeyOrAStatedReasonForNone() {
        Set<String> bound = ConfigBindings.TABLE.stream().map(b -> b.method().split("\\.")[0]).collect(Collectors.toSet());
        Set<String> publicMethods = publicMethods(PlugboardBuilder.class);
        Set<String> neither = new TreeSet<>(publicMethods);
        neither.removeAll(bound);
        neither.removeAll(ConfigBindings.NOT_BOUND.keySet());
        assertThat(neither).as("builder methods with no row in ConfigBindings.TABLE and not in NOT_BOUND").isEmpty();
        Set<String> stale = new TreeSet<>(bound);
        stale.addAll(ConfigBindings.NOT_BOUND.keySet());
        stale.removeAll(publicMethods);
        assertThat(stale).as("rows naming no builder method").isEmpty();

        Set<String> deliveryBound = ConfigBindings.TABLE.stream().map(ConfigBindings.Binding::method)
                .filter(m -> m.startsWith("delivery.")).map(m -> m.substring("delivery.".length())).collect(Collectors.toSet());
        Set<String> deliveryMethods = publicMethods(DeliverySettings.Builder.class);
        deliveryMethods.remove("build");
        assertThat(deliveryBound).as("every DeliverySettings.Builder method has a delivery.* key")
                .isEqualTo(deliveryMethods);
    }

    @Test
    void theSecretsKeyFromTheEnvironmentReplacesTheKeyFile() {
        Path data = TestHost.tempDir("data");
        try (TestHost host = TestHost.start(TestHost.tempDir("plugins"), data,
                b -> b.fromEnvironment("PLUGBOARD_", Map.of("PLUGBOARD_SECRETS_KEY", KEY)))) {
            assertThat(host.http().postJson("/api/v1/secrets", "{\"name\":\"API_KEY\",\"value\":\"v\"}").status())
                    .isEqualTo(201);
            assertThat(data.resolve("secrets.key")).doesNotExist();
        }
        try (TestHost host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"))) {
            assertThat(host.dataDir().resolve("secrets.key")).as("without the option, the file as before").exists();
        }
    }

    private static Set<String> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).collect(Collectors.toCollection(HashSet::new));
    }
}
