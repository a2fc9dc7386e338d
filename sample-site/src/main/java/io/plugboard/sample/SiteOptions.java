package io.plugboard.sample;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sample site's settings, from flags first, then environment variables, then defaults. The
 * default plugins folder is {@code plugins/} next to the site's jar, where the build puts the samples.
 */
public record SiteOptions(int port, String host, Path dataDir, Path pluginsDir, boolean allowPrivateTargets,
                          List<String> allowedTargets, String adminUser, String adminPassword, boolean behindProxy,
                          boolean watchPlugins, boolean warnOnInvalidEventData, boolean help,
                          String databaseUrl, String databaseUser, String databasePassword,
                          String instanceId, long templateMaxTimeMs, long templateMaxBytes,
                          List<String> allowedHosts, String publicUrl,
                          int pluginTimeLimitSeconds, String basePath, List<Path> devPlugins,
                          Map<String, String> hostVariables) {

    /** @param hostVariables host settings given as flags ({@link HostFlags}), as their {@code PLUGBOARD_} variables */
    public SiteOptions {
        allowedTargets = List.copyOf(allowedTargets);
        allowedHosts = List.copyOf(allowedHosts);
        devPlugins = List.copyOf(devPlugins);
        hostVariables = Map.copyOf(hostVariables);
    }

    /** Without the passwords, which must never reach a log. */
    @Override
    public String toString() {
        return "SiteOptions[port=" + port + ", host=" + host + ", dataDir=" + dataDir + ", pluginsDir=" + pluginsDir
                + ", database=" + (databaseUrl == null ? "sqlite" : "postgresql") + ", instanceId=" + instanceId + "]";
    }

    /**
     * The environment variables {@link #parse} reads itself (flags override them); every other
     * {@code PLUGBOARD_} variable goes to the host's own binding ({@code PlugboardBuilder.fromEnvironment}).
     */
    static final Set<String> ENVIRONMENT = Set.of("PLUGBOARD_PORT", "PLUGBOARD_HOST", "PLUGBOARD_DATA_DIR",
            "PLUGBOARD_PLUGINS_DIR", "PLUGBOARD_ALLOW_PRIVATE_TARGETS", "PLUGBOARD_ALLOW_TARGETS", "PLUGBOARD_ADMIN_USER",
            "PLUGBOARD_ADMIN_PASSWORD", "PLUGBOARD_BEHIND_PROXY", "PLUGBOARD_WATCH_PLUGINS", "PLUGBOARD_EVENT_DATA_CHECK",
            "PLUGBOARD_DATABASE_URL", "PLUGBOARD_DATABASE_USER", "PLUGBOARD_DATABASE_PASSWORD", "PLUGBOARD_INSTANCE_ID",
            "PLUGBOARD_TEMPLATE_MAX_TIME", "PLUGBOARD_TEMPLATE_MAX_BYTES", "PLUGBOARD_ALLOWED_HOSTS",
            "PLUGBOARD_PUBLIC_URL", "PLUGBOARD_PLUGIN_TIME_LIMIT", "PLUGBOARD_BASE_PATH", "PLUGBOARD_DEV_PLUGINS");

    static final String USAGE = """
            Usage: java -jar plugboard-sample-site.jar [options]
              --port N           port to listen on (env PLUGBOARD_PORT, default 8080; 0 picks a free one)
              --host ADDRESS     address to listen on (env PLUGBOARD_HOST, default 127.0.0.1; 0.0.0.0 for all)
              --data-dir DIR     database folder (env PLUGBOARD_DATA_DIR, default ./plugboard-data)
              --plugins-dir DIR  plugin jars folder (env PLUGBOARD_PLUGINS_DIR, default: plugins/ next to this jar)
              --allow-private-targets
                                 let webhooks target loopback and private addresses
                                 (env PLUGBOARD_ALLOW_PRIVATE_TARGETS=true; for development only)
              --allow-target X   allow one private host or address range, e.g. 10.1.2.0/24; repeatable
                                 (env PLUGBOARD_ALLOW_TARGETS=host,cidr,...)
              --admin-user NAME  create this first admin if there is none (env PLUGBOARD_ADMIN_USER);
              --admin-password P   with its password (env PLUGBOARD_ADMIN_PASSWORD); without them the
                                 first visit to /admin shows a one-time setup form
              --behind-proxy     trust X-Forwarded-Proto/-For/-Host from a reverse proxy (env PLUGBOARD_BEHIND_PROXY=true)
              --allowed-hosts H  names the admin and the API answer to, comma-separated, each with an optional
                                 port, e.g. admin.example.com,10.0.0.5:8080 (env PLUGBOARD_ALLOWED_HOSTS); others
                                 get 421. Loopback names and the listen address are always allowed
              --public-url URL   the site's public base URL, e.g. https://hooks.example.com; its host is
                                 allowed too (env PLUGBOARD_PUBLIC_URL)
              --base-path PATH   serve Plugboard (admin, API, /health, /metrics, inbound webhooks) under this
                                 path, e.g. /plugboard, as behind a reverse proxy that forwards a sub-path;
                                 the demo shop stays at / (env PLUGBOARD_BASE_PATH, default: the root)
              --no-watch-plugins read the plugins folder only at start; by default jars copied in, replaced
                                 or removed while the site runs are deployed (env PLUGBOARD_WATCH_PLUGINS=false)
              --event-data-check reject|warn
                                 what emit does with data that breaks its event type's schema: refuse it
                                 (default) or accept it and log a warning (env PLUGBOARD_EVENT_DATA_CHECK)
              --database URL     a shared PostgreSQL database, jdbc:postgresql://host:5432/name, instead of
                                 SQLite in the data folder (env PLUGBOARD_DATABASE_URL); for several instances
              --database-user U  its user (env PLUGBOARD_DATABASE_USER)
              --database-password P
                                 its password (env PLUGBOARD_DATABASE_PASSWORD; prefer the env variable)
              --instance-id ID   this instance's name among those sharing the database
                                 (env PLUGBOARD_INSTANCE_ID, default a random id)
              --template-max-time MS
                                 how long one payload template render may run, in milliseconds
                                 (env PLUGBOARD_TEMPLATE_MAX_TIME, default 250)
              --template-max-bytes N
                                 the largest body one payload template may render, in bytes
                                 (env PLUGBOARD_TEMPLATE_MAX_BYTES, default 262144, i.e. 256 KB)
              --plugin-time-limit SECONDS
                                 how long a plugin's start() and stop() may each take before it is
                                 failed (env PLUGBOARD_PLUGIN_TIME_LIMIT, default 30)
              --dev-plugin DIR   development mode: load a plugin from its build output, a classes directory
                                 or a Maven project folder (then DIR/target/classes), and reload it when
                                 its classes change; repeatable (env PLUGBOARD_DEV_PLUGINS=DIR{SEP}DIR...)
              --plugin-repository URL
                                 a plugin repository's plugins.json to install and update plugins from;
                                 repeatable (env PLUGBOARD_PLUGIN_REPOSITORIES=url,url...)
              --trusted-plugin-keys FILE
                                 the publishers' public keys whose signatures this site trusts
                                 (env PLUGBOARD_TRUSTED_PLUGIN_KEYS)
              --require-signed-plugins
                                 refuse plugin jars not signed by a trusted key
                                 (env PLUGBOARD_REQUIRE_SIGNED_PLUGINS=true)
              --plugin-auto-update off|patch|minor
                                 install newer releases from the repositories by themselves
                                 (env PLUGBOARD_PLUGIN_AUTO_UPDATE, default off)
              --plugin-update-check-interval SECONDS
                                 how often auto-update looks (env PLUGBOARD_PLUGIN_UPDATE_CHECK_INTERVAL, default a day)
              --rate-limit N     requests per second at most to each webhook without a rate limit of its own,
                                 e.g. 5 or 0.5 (env PLUGBOARD_DELIVERY_RATE_LIMIT, default none)
              --outbound-proxy URL
                                 send webhooks through this HTTP proxy, http://host:port or
                                 http://user:password@host:port (env PLUGBOARD_OUTBOUND_PROXY, or its
                                 _USER and _PASSWORD apart); the outbound guard still judges each target
              --no-proxy HOSTS   hosts and domains reached directly, comma-separated, e.g. .internal,10.0.0.7;
                                 repeatable (env PLUGBOARD_NO_PROXY)
              --help             show this help
            Every other option of the host is read from its PLUGBOARD_ environment variable, e.g.
            PLUGBOARD_SECRETS_KEY, PLUGBOARD_DISABLED_SECTIONS, PLUGBOARD_PRIMARY_COLOR (see docs/embedding.md);
            an unknown PLUGBOARD_ variable is refused.""".replace("{SEP}", File.pathSeparator);

    public static SiteOptions parse(String[] args, Map<String, String> env) {
        String port = env.get("PLUGBOARD_PORT");
        String host = env.get("PLUGBOARD_HOST");
        String dataDir = env.get("PLUGBOARD_DATA_DIR");
        String pluginsDir = env.get("PLUGBOARD_PLUGINS_DIR");
        boolean allowPrivate = "true".equalsIgnoreCase(env.getOrDefault("PLUGBOARD_ALLOW_PRIVATE_TARGETS", "").strip());
        List<String> allowed = new ArrayList<>();
        for (String t : env.getOrDefault("PLUGBOARD_ALLOW_TARGETS", "").split(",")) {
            if (!t.isBlank()) {
                allowed.add(t.strip());
            }
        }
        String adminUser = env.get("PLUGBOARD_ADMIN_USER");
        String adminPassword = env.get("PLUGBOARD_ADMIN_PASSWORD");
        boolean behindProxy = "true".equalsIgnoreCase(env.getOrDefault("PLUGBOARD_BEHIND_PROXY", "").strip());
        boolean watchPlugins = !"false".equalsIgnoreCase(env.getOrDefault("PLUGBOARD_WATCH_PLUGINS", "").strip());
        String eventDataCheck = env.get("PLUGBOARD_EVENT_DATA_CHECK");
        String databaseUrl = env.get("PLUGBOARD_DATABASE_URL");
        String databaseUser = env.get("PLUGBOARD_DATABASE_USER");
        String databasePassword = env.get("PLUGBOARD_DATABASE_PASSWORD");
        String instanceId = env.get("PLUGBOARD_INSTANCE_ID");
        String templateMaxTime = env.get("PLUGBOARD_TEMPLATE_MAX_TIME");
        String templateMaxBytes = env.get("PLUGBOARD_TEMPLATE_MAX_BYTES");
        List<String> allowedHosts = new ArrayList<>(commaList(env.getOrDefault("PLUGBOARD_ALLOWED_HOSTS", "")));
        String publicUrl = env.get("PLUGBOARD_PUBLIC_URL");
        String pluginTimeLimit = env.get("PLUGBOARD_PLUGIN_TIME_LIMIT");
        String basePath = env.get("PLUGBOARD_BASE_PATH");
        List<Path> devPlugins = new ArrayList<>();
        for (String dir : env.getOrDefault("PLUGBOARD_DEV_PLUGINS", "").split(Pattern.quote(File.pathSeparator))) {
            if (!dir.isBlank()) {
                devPlugins.add(Path.of(dir.strip()));
            }
        }
        boolean help = false;
        HostFlags hostFlags = new HostFlags();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.equals("--help") || name.equals("-h")) {
                help = true;
                continue;
            }
            if (name.equals("--behind-proxy")) {
                behindProxy = true;
                continue;
            }
            if (name.equals("--no-watch-plugins")) {
                watchPlugins = false;
                continue;
            }
            if (name.equals("--allow-private-targets")) {
                allowPrivate = true;
                continue;
            }
            if (HostFlags.isSwitch(name)) {
                hostFlags.add(name, "");
                continue;
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            switch (name) {
                case "--port" -> port = value;
                case "--host" -> host = value;
                case "--data-dir" -> dataDir = value;
                case "--plugins-dir" -> pluginsDir = value;
                case "--allow-target" -> allowed.add(value.strip());
                case "--admin-user" -> adminUser = value;
                case "--admin-password" -> adminPassword = value;
                case "--event-data-check" -> eventDataCheck = value;
                case "--database" -> databaseUrl = value;
                case "--database-user" -> databaseUser = value;
                case "--database-password" -> databasePassword = value;
                case "--instance-id" -> instanceId = value;
                case "--template-max-time" -> templateMaxTime = value;
                case "--template-max-bytes" -> templateMaxBytes = value;
                case "--allowed-hosts" -> allowedHosts.addAll(commaList(value));
                case "--public-url" -> publicUrl = value;
                case "--plugin-time-limit" -> pluginTimeLimit = value;
                case "--base-path" -> basePath = value;
                case "--dev-plugin" -> devPlugins.add(Path.of(value.strip()));
                default -> {
                    if (!HostFlags.known(name)) {
                        throw new IllegalArgumentException("unknown option " + name);
                    }
                    hostFlags.add(name, value);
                }
            }
        }
        if (databaseUrl == null && (databaseUser != null || databasePassword != null)) {
            throw new IllegalArgumentException("--database-user and --database-password need --database");
        }
        if ((adminUser == null) != (adminPassword == null)) {
            throw new IllegalArgumentException("give both --admin-user and --admin-password, or neither");
        }
        return new SiteOptions(parsePort(port), host == null ? "127.0.0.1" : host,
                Path.of(dataDir == null ? "plugboard-data" : dataDir),
                pluginsDir == null ? defaultPluginsDir() : Path.of(pluginsDir), allowPrivate, allowed,
                blankToNull(adminUser), blankToNull(adminPassword), behindProxy, watchPlugins,
                warnOnInvalidEventData(eventDataCheck), help, blankToNull(databaseUrl),
                blankToNull(databaseUser), blankToNull(databasePassword), blankToNull(instanceId),
                positive("--template-max-time", templateMaxTime, 250, 1),
                positive("--template-max-bytes", templateMaxBytes, 256 * 1024, 1024), allowedHosts,
                blankToNull(publicUrl), parseSeconds(pluginTimeLimit),
                basePath == null || basePath.strip().equals("/") ? "" : basePath.strip(), devPlugins,
                hostFlags.variables());
    }

    private static long positive(String option, String value, long otherwise, long least) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= least) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " must be a whole number of at least " + least + ", not '"
                + value + "'");
    }

    private static List<String> commaList(String value) {
        List<String> out = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                out.add(item.strip());
            }
        }
        return out;
    }

    private static boolean warnOnInvalidEventData(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("reject")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("warn")) {
            return true;
        }
        throw new IllegalArgumentException("--event-data-check must be reject or warn, not '" + value + "'");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static int parseSeconds(String value) {
        if (value == null || value.isBlank()) {
            return 30;
        }
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds < 1 || seconds > 3600) {
                throw new IllegalArgumentException("--plugin-time-limit must be between 1 and 3600 seconds, not " + value);
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--plugin-time-limit must be a number of seconds, not '" + value + "'");
        }
    }

    private static int parsePort(String value) {
        if (value == null || value.isBlank()) {
            return 8080;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, not " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number, not '" + value + "'");
        }
    }

    /** {@code plugins/} beside the jar (or beside the classes folder when run from an IDE or a test). */
    static Path defaultPluginsDir() {
        try {
            Path codeSource = Path.of(SiteOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return codeSource.getParent().resolve("plugins");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("plugins");
        }
    }
}
