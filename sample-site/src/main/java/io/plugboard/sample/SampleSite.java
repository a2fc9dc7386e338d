package io.plugboard.sample;

import io.plugboard.host.Plugboard;
import io.plugboard.host.PlugboardBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small shop that embeds Plugboard: the admin at {@code /admin}, the API at {@code /api/v1} (both under
 * {@code --base-path} if given), and a
 * demo page at {@code /} whose checkout and sign-up forms emit {@code payment_received} and
 * {@code account_created} through the host, and a customer area at {@code /customer} that opens a demo
 * customer's webhook portal.
 */
public final class SampleSite {

    private SampleSite() {}

    public static void main(String[] args) throws InterruptedException {
        Plugboard host;
        SiteOptions options;
        try {
            options = SiteOptions.parse(args, System.getenv());
            if (options.help()) {
                System.out.println(SiteOptions.USAGE);
                return;
            }
            host = start(options, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("plugboard-sample-site: " + e.getMessage());
            System.err.println(SiteOptions.USAGE);
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            host.close();
            stopped.countDown();
        }, "plugboard-shutdown"));
        String shop = host.baseUrl().substring(0, host.baseUrl().length() - options.basePath().length());
        System.out.println("Plugboard sample site: open " + shop + "/ (demo shop) or "
                + host.baseUrl() + "/admin (admin)");
        stopped.await();
    }

    /** Builds and starts the site's host with the process environment; the caller closes it. */
    public static Plugboard start(SiteOptions options) {
        return start(options, System.getenv());
    }

    /**
     * Builds and starts the site's host; the caller closes it.
     *
     * @param environment the {@code PLUGBOARD_} variables that {@link SiteOptions} does not read itself
     *     (e.g. {@code PLUGBOARD_SECRETS_KEY}) go to the host's binding, which refuses unknown ones
     */
    public static Plugboard start(SiteOptions options, Map<String, String> environment) {
        AtomicReference<Plugboard> self = new AtomicReference<>();
        DemoShop shop = new DemoShop(() -> self.get().events(), options.basePath());
        CustomerArea customers = new CustomerArea(self::get, options.basePath());
        Map<String, String> rest = new HashMap<>(environment);
        rest.keySet().removeAll(SiteOptions.ENVIRONMENT);
        rest.putAll(options.hostVariables());
        PlugboardBuilder builder = Plugboard.builder()
                .siteName("Sample Shop")
                .fromEnvironment("PLUGBOARD_", rest)
                .pluginsDir(options.pluginsDir())
                .dataDir(options.dataDir())
                .bindHost(options.host())
                .port(options.port())
                .allowPrivateTargets(options.allowPrivateTargets())
                .behindProxy(options.behindProxy())
                .watchPluginsDir(options.watchPlugins())
                .pluginTimeLimits(Duration.ofSeconds(options.pluginTimeLimitSeconds()),
                        Duration.ofSeconds(options.pluginTimeLimitSeconds()))
                .eventDataCheck(options.warnOnInvalidEventData()
                        ? Plugboard.EventDataCheck.WARN : Plugboard.EventDataCheck.REJECT)
                .templateBudget(java.time.Duration.ofMillis(options.templateMaxTimeMs()), options.templateMaxBytes())
                .basePath(options.basePath())
                .web(config -> {
                    shop.register(config);
                    customers.register(config.routes);
                });
        options.allowedTargets().forEach(builder::allowTarget);
        options.allowedHosts().forEach(builder::allowedHost);
        options.devPlugins().forEach(builder::developmentPlugin);
        if (options.publicUrl() != null) {
            builder.publicUrl(options.publicUrl());
        }
        if (options.databaseUrl() != null) {
            builder.database(options.databaseUrl(), options.databaseUser(), options.databasePassword());
        }
        if (options.instanceId() != null) {
            builder.instanceId(options.instanceId());
        }
        if (options.adminUser() != null) {
            builder.adminUser(options.adminUser(), options.adminPassword());
        }
        Plugboard host = builder.build();
        self.set(host);
        return host.start();
    }
}
