package io.plugboard.host;

import io.javalin.config.JavalinConfig;
import io.plugboard.host.internal.config.PortalConfig;
import io.plugboard.host.internal.payloads.TemplateBudget;
import io.plugboard.host.internal.plugins.PluginTimeLimits;
import io.plugboard.host.internal.storage.AppDatabase;
import io.plugboard.host.internal.storage.DatabaseSettings;
import io.plugboard.sdk.EventType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Configures a {@link Plugboard}; every setting has a default. Get one from {@link Plugboard#builder()}.
 * Every option that is a plain value can also be bound from properties or the environment
 * ({@link #fromProperties}, {@link #fromEnvironment}).
 *
 * <p>Over 300 lines on purpose: it is the whole public configuration surface, one documented method per
 * option; what it was told, the checks and the bindings live in {@code ConfigDraft}, {@code BuilderChecks}
 * and {@code ConfigBindings}.
 */
public final class PlugboardBuilder {
    private final ConfigDraft draft = new ConfigDraft();

    PlugboardBuilder() {}

    /** @param dir the folder of plugin jars @return this builder */
    public PlugboardBuilder pluginsDir(Path dir) { draft.pluginsDir = Objects.requireNonNull(dir, "dir"); return this; }

    /** @param dir the folder for the database; created if missing @return this builder */
    public PlugboardBuilder dataDir(Path dir) { draft.dataDir = Objects.requireNonNull(dir, "dir"); return this; }

    /**
     * @param port the TCP port; 0 picks a free one
     * @return this builder
     */
    public PlugboardBuilder port(int port) { draft.port = BuilderChecks.port(port); return this; }

    /**
     * The address to listen on. The default, {@code 127.0.0.1}, admits only this machine; use
     * {@code 0.0.0.0} to serve the network.
     *
     * @param host an IP address or host name of this machine
     * @return this builder
     */
    public PlugboardBuilder bindHost(String host) { draft.bindHost = Objects.requireNonNull(host, "host"); return this; }

    /** @param name shown in the admin's top bar @return this builder */
    public PlugboardBuilder siteName(String name) { draft.siteName = Objects.requireNonNull(name, "name"); return this; }

    /**
     * Registers an event type of the embedding application itself (its {@code plugin_id} is {@code app}).
     * App types are registered before plugins load, so a plugin cannot take their keys.
     *
     * @param type the event type
     * @return this builder
     */
    public PlugboardBuilder eventType(EventType type) { draft.eventTypes.add(Objects.requireNonNull(type, "type")); return this; }

    /**
     * Adds to the web server's configuration, e.g. the embedding app's own routes next to the admin.
     *
     * @param customizer called once while the server is created
     * @return this builder
     */
    public PlugboardBuilder web(Consumer<JavalinConfig> customizer) {
        draft.webCustomizers.add(Objects.requireNonNull(customizer, "customizer"));
        return this;
    }

    /**
     * @param settings retry schedule, timeouts, concurrency and retention of the delivery engine
     * @return this builder
     */
    public PlugboardBuilder delivery(DeliverySettings settings) {
        draft.delivery = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /**
     * Lets webhooks target loopback, private and link-local addresses, which are refused by default
     * so the host cannot be turned against the network it runs in. For development and closed
     * networks only; the admin shows that the guard is relaxed.
     *
     * @param allow true to allow private targets
     * @return this builder
     */
    public PlugboardBuilder allowPrivateTargets(boolean allow) { draft.allowPrivateTargets = allow; return this; }

    /**
     * Allows one non-public target: a host name (exact) or an address range such as
     * {@code 10.1.2.0/24} or a single address. Repeatable.
     *
     * @param hostOrCidr the host or range
     * @return this builder
     * @throws IllegalArgumentException if it looks like a range but is not a valid one
     */
    public PlugboardBuilder allowTarget(String hostOrCidr) {
        draft.allowedTargets.add(BuilderChecks.allowTarget(hostOrCidr));
        return this;
    }

    /**
     * Sends every HTTP webhook request, and every OAuth token request, through an HTTP proxy (HTTPS targets
     * through a {@code CONNECT} tunnel), except to the hosts of {@link #noProxy}. The outbound guard still judges
     * each target (its name and the addresses it resolves to here), never the proxy.
     *
     * @param url {@code http://host:port}, optionally {@code http://user:password@host:port} (percent-encoded)
     * @return this builder
     * @throws IllegalArgumentException if it is not such a URL (the message never repeats the password)
     */
    public PlugboardBuilder outboundProxy(String url) {
        draft.proxy.url(url);
        return this;
    }

    /**
     * The outbound proxy's credentials, sent as {@code Proxy-Authorization: Basic} with every request to it;
     * the password is never logged.
     *
     * @param user the user name, without {@code :}
     * @param password the password
     * @return this builder
     */
    public PlugboardBuilder outboundProxyCredentials(String user, String password) {
        draft.proxy.credentials(user, password);
        return this;
    }

    /**
     * A host reached directly, not through the {@link #outboundProxy}: a name matches itself and its
     * subdomains ({@code example.com} or {@code .example.com}), an address itself, {@code *} every host.
     * Repeatable.
     *
     * @param hostOrDomain the host, domain or address
     * @return this builder
     */
    public PlugboardBuilder noProxy(String hostOrDomain) {
        draft.proxy.noProxy(hostOrDomain);
        return this;
    }

    /**
     * The first admin, created at start if no admin exists yet (otherwise ignored). Without it, the
     * first visit to {@code /admin} shows a one-time setup form.
     *
     * @param username 1 to 64 letters, digits or {@code . _ @ -}
     * @param password at least 12 characters
     * @return this builder
     */
    public PlugboardBuilder adminUser(String username, String password) {
        draft.adminUser = Objects.requireNonNull(username, "username");
        draft.adminPassword = Objects.requireNonNull(password, "password");
        return this;
    }

    /** @param timeout how long an admin session lasts without a request (default 30 min) @return this builder */
    public PlugboardBuilder sessionIdleTimeout(Duration timeout) {
        draft.sessionIdleTimeout = BuilderChecks.sessionIdleTimeout(timeout);
        return this;
    }

    /**
     * Trusts {@code X-Forwarded-Proto} and {@code X-Forwarded-For} from a reverse proxy in front of
     * the host: session cookies are then marked {@code Secure} when the proxy served HTTPS, and
     * login lockout counts per client address. Only with a proxy that sets both headers itself.
     *
     * @param behindProxy true when every request comes through such a proxy
     * @return this builder
     */
    public PlugboardBuilder behindProxy(boolean behindProxy) { draft.behindProxy = behindProxy; return this; }

    /**
     * @param bytes the largest request body accepted (default 1 MiB); larger ones get 413
     * @return this builder
     */
    public PlugboardBuilder maxRequestBytes(long bytes) {
        draft.maxRequestBytes = BuilderChecks.atLeastOneKiB("maxRequestBytes", bytes);
        return this;
    }

    /**
     * Stores everything in a shared PostgreSQL database instead of the SQLite file in the data
     * directory, so that several hosts (behind a load balancer) share webhooks, events, deliveries,
     * sessions and settings and deliver from one queue. The schema is created or migrated at start.
     *
     * @param url {@code jdbc:postgresql://host:port/database}, optionally with driver parameters
     * @param user the database user, or null if the URL names it
     * @param password the password, or null; never logged
     * @return this builder
     * @throws IllegalArgumentException if the URL is not a PostgreSQL JDBC URL
     */
    public PlugboardBuilder database(String url, String user, String password) {
        draft.database = new DatabaseSettings(Objects.requireNonNull(url, "url"), BuilderChecks.blankToNull(user),
                BuilderChecks.blankToNull(password));
        draft.appDatabase = null;
        return this;
    }

    /**
     * Stores everything in the application's own database, through its {@link DataSource} (SQLite or
     * PostgreSQL, told by the driver), instead of the SQLite file in the data directory: the host's
     * tables live beside the application's, in the application's pool, and
     * {@link Plugboard#emitInTransaction} works on the application's own connection, in the same
     * transaction as its own tables. The host never closes the data source. Its tables are created or
     * migrated at start (Flyway's record of that is the table {@code plugboard_schema_history}); their
     * names are listed in docs/embedding.md — keep the application's tables under other names, or give
     * the host a schema of its own with {@link #dataSource(DataSource, String)}. Replaces
     * {@link #database}.
     *
     * @param dataSource the application's data source, e.g. its connection pool
     * @return this builder
     */
    public PlugboardBuilder dataSource(DataSource dataSource) {
        return dataSource(dataSource, null);
    }

    /**
     * Like {@link #dataSource(DataSource)}, with the host's tables in a PostgreSQL schema of their own
     * (created if missing). The host sets the schema on each connection it borrows and sets the
     * connection's own back before returning it, also on the connection given to
     * {@link Plugboard#emitInTransaction}.
     *
     * @param dataSource the application's PostgreSQL data source
     * @param schema the schema: 1 to 63 lower-case letters, digits or {@code _}; null for the connections' search path
     * @return this builder
     * @throws IllegalArgumentException for another schema name
     */
    public PlugboardBuilder dataSource(DataSource dataSource, String schema) {
        draft.appDatabase = new AppDatabase(Objects.requireNonNull(dataSource, "dataSource"), schema);
        draft.database = null;
        return this;
    }

    /**
     * Whether the embedding application's own pages get the security headers the admin gets
     * (Content-Security-Policy, {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY},
     * {@code Referrer-Policy: same-origin}). On by default; the admin and the API always get them.
     *
     * @param enabled false to leave the headers of the application's pages to the application
     * @return this builder
     */
    public PlugboardBuilder securityHeaders(boolean enabled) { draft.appSecurityHeaders = enabled; return this; }

    /**
     * Whether jars copied into, replaced in or removed from the plugins folder while the host runs
     * are deployed (within about a second), upgraded or removed. On by default; turn it off when
     * the application manages the folder itself (plugins are then read at start and by upload).
     *
     * @param watch false to read the folder only at start
     * @return this builder
     */
    public PlugboardBuilder watchPluginsDir(boolean watch) { draft.watchPluginsDir = watch; return this; }

    /**
     * The Content-Security-Policy for the embedding application's own pages, instead of the admin's
     * strict one ({@code default-src 'self'}, no inline script or style). A route can also set the
     * header itself, which replaces this one.
     *
     * @param policy a policy, e.g. {@code "default-src 'self'; img-src *"}
     * @return this builder
     */
    public PlugboardBuilder contentSecurityPolicy(String policy) {
        draft.appContentSecurityPolicy = BuilderChecks.contentSecurityPolicy(policy);
        return this;
    }

    /**
     * Loads a plugin from its compiled classes, without packaging it: development mode for plugin
     * authors, e.g. {@code developmentPlugin(Path.of("target/classes"))} after {@code mvn compile}.
     * The directory needs {@code plugin.properties} (or {@code META-INF/MANIFEST.MF}) with the
     * plugin's id and version, and the extension index the SDK's annotation processor writes.
     * A Maven project folder (one with a {@code pom.xml}) stands for its {@code target/classes}. The
     * host watches the directory and reloads the plugin within 2 s when its files change, keeping the
     * admin's active or inactive choice. Repeatable; such a plugin can be deactivated but not
     * uninstalled or replaced by upload. Key {@code dev-plugins}, {@code PLUGBOARD_DEV_PLUGINS}.
     *
     * @param classesDir the plugin's class output directory, or its Maven project folder
     * @return this builder
     */
    public PlugboardBuilder developmentPlugin(Path classesDir) {
        draft.developmentPlugins.add(Objects.requireNonNull(classesDir, "classesDir"));
        return this;
    }

    /**
     * @param bytes the largest plugin jar accepted by upload (default 50 MiB)
     * @return this builder
     */
    public PlugboardBuilder maxPluginBytes(long bytes) {
        draft.maxPluginBytes = BuilderChecks.atLeastOneKiB("maxPluginBytes", bytes);
        return this;
    }

    /**
     * How long a plugin's {@code start()} (with its constructor) and its {@code stop()} may take
     * (default 30 s each). Past the limit the plugin is {@code failed} ("did not start within 30 s"),
     * its thread is left running as a daemon and its class loader is dropped; the host goes on. A
     * plugin that hung in {@code start()} is not started again at the next host start until its jar
     * changes or an admin activates it.
     *
     * @param start the limit for {@code start()}, at least 1 ms
     * @param stop the limit for {@code stop()}, at least 1 ms
     * @return this builder
     */
    public PlugboardBuilder pluginTimeLimits(Duration start, Duration stop) {
        draft.pluginTimeLimits = new PluginTimeLimits(start, stop);
        return this;
    }

    /**
     * The publishers whose plugins this host trusts: a file of PEM public keys (Ed25519), each named by
     * a {@code # name} comment line above it (docs/plugin-repository.md). A jar signed by one of them
     * shows "signed by NAME"; a jar whose signature by one of them does not match is always refused.
     *
     * @param file the trusted keys file, read at start (a file that holds anything else refuses the start)
     * @return this builder
     */
    public PlugboardBuilder trustedPluginKeys(Path file) {
        draft.trustedPluginKeys = Objects.requireNonNull(file, "file");
        return this;
    }

    /**
     * Refuses every plugin jar (folder, upload, repository) that is not signed by a trusted key
     * ({@link #trustedPluginKeys}). Off by default: unsigned jars install with an "unsigned" mark.
     * Development plugins are the application's own and are not checked.
     *
     * @param required true to refuse unsigned jars and jars signed by unknown keys
     * @return this builder
     */
    public PlugboardBuilder requireSignedPlugins(boolean required) {
        draft.requireSignedPlugins = required;
        return this;
    }

    /**
     * Adds a plugin repository: the URL of its {@code plugins.json}, or of the folder that holds it
     * (https, or http for tests and intranets). Repeatable; a plugin listed by several is taken from
     * the first. Its plugins are offered on the admin's *Add plugin* page and the API.
     *
     * @param url e.g. {@code https://plugins.acme.example/repo/}
     * @return this builder
     * @throws IllegalArgumentException if it is not an http(s) URL
     */
    public PlugboardBuilder pluginRepository(String url) {
        draft.pluginRepositories.add(BuilderChecks.repositoryUrl(url));
        return this;
    }

    /**
     * Which newer compatible releases from the repositories are installed without an admin (default
     * {@link PluginAutoUpdate#OFF}); an admin can choose otherwise per plugin. One instance checks,
     * every {@link #pluginUpdateCheckInterval}; every instance then installs the new version.
     *
     * @param policy the policy for plugins without their own
     * @return this builder
     */
    public PlugboardBuilder pluginAutoUpdate(PluginAutoUpdate policy) {
        draft.pluginAutoUpdate = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * @param interval how often the auto-update looks for new releases (default a day; at least a second)
     * @return this builder
     */
    public PlugboardBuilder pluginUpdateCheckInterval(Duration interval) {
        draft.pluginUpdateCheckInterval = BuilderChecks.atLeastOneSecond("pluginUpdateCheckInterval", interval);
        return this;
    }

    /**
     * What {@code emit} does with data that does not match its event type's JSON Schema:
     * {@link Plugboard.EventDataCheck#REJECT} (the default) refuses the event, {@link Plugboard.EventDataCheck#WARN}
     * stores and delivers it and logs a warning.
     *
     * @param check the behaviour
     * @return this builder
     */
    public PlugboardBuilder eventDataCheck(Plugboard.EventDataCheck check) {
        draft.eventDataCheck = Objects.requireNonNull(check, "check");
        return this;
    }

    /**
     * Names this instance among those sharing a database (default: a random {@code ins_…} id at
     * each start). Two running instances must not share an id; start refuses one that a live
     * instance uses.
     *
     * @param id 1 to 64 letters, digits or {@code . _ -}
     * @return this builder
     * @throws IllegalArgumentException for another id
     */
    public PlugboardBuilder instanceId(String id) { draft.instanceId = BuilderChecks.instanceId(id); return this; }

    /**
     * What one render of a webhook's payload template may take (default 250 ms and 256 KB). A render
     * over either limit fails that delivery attempt, which is retried like any failed attempt; previews,
     * the test console and saving the webhook answer the error as a 400.
     *
     * @param maxRenderTime the longest one render may run, at least 1 ms
     * @param maxOutputBytes the largest body one render may produce, at least 1024 bytes
     * @return this builder
     * @throws IllegalArgumentException for smaller values
     */
    public PlugboardBuilder templateBudget(Duration maxRenderTime, long maxOutputBytes) {
        draft.templateBudget = new TemplateBudget(maxRenderTime, maxOutputBytes);
        return this;
    }

    /**
     * When the operational event {@code webhook_failing} fires: once per streak, when a webhook's
     * consecutive failed attempts reach this many (default 10). A success ends the streak.
     *
     * @param failures at least 1
     * @return this builder
     * @throws IllegalArgumentException for fewer
     */
    public PlugboardBuilder webhookFailingAfter(int failures) {
        draft.webhookFailingAfter = BuilderChecks.atLeastOne(failures, "webhookFailingAfter");
        return this;
    }

    /**
     * When the operational event {@code inbound_refused_burst} fires: once per window, when one inbound
     * webhook refuses this many requests within the window, counted from the window's first refusal
     * (default 10 within 5 minutes).
     *
     * @param refusals at least 1
     * @param window at least a second
     * @return this builder
     * @throws IllegalArgumentException for smaller values
     */
    public PlugboardBuilder inboundRefusedBurst(int refusals, Duration window) {
        draft.inboundBurstRefusals = BuilderChecks.atLeastOne(refusals, "inboundRefusedBurst refusals");
        Objects.requireNonNull(window, "window");
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the inbound refusal burst window must be at least a second, not " + window);
        }
        draft.inboundBurstWindow = window;
        return this;
    }

    /**
     * Adds a name the admin and the API answer to, besides the loopback names and addresses and the
     * listen address (every address of the machine when listening on {@code 0.0.0.0}). A request to
     * {@code /admin} or {@code /api} addressed to another name (its {@code Host}, and behind a proxy
     * its {@code X-Forwarded-Host}) gets 421, which stops DNS rebinding: the one-time setup form
     * always, everything else once a name or {@link #publicUrl} is given or when listening on loopback.
     * Repeatable.
     *
     * @param nameWithOptionalPort e.g. {@code admin.example.com} (any port) or {@code admin.example.com:8443}
     * @return this builder
     * @throws IllegalArgumentException if it is not a host name or address with an optional port
     */
    public PlugboardBuilder allowedHost(String nameWithOptionalPort) {
        draft.allowedHosts.add(BuilderChecks.allowedHost(nameWithOptionalPort));
        return this;
    }

    /**
     * The host's public base URL, as users and senders reach it (e.g. through a reverse proxy); its
     * host is an allowed host (see {@link #allowedHost}).
     *
     * @param url an absolute {@code http://} or {@code https://} URL, e.g. {@code https://hooks.example.com}
     * @return this builder
     * @throws IllegalArgumentException if it is not one
     */
    public PlugboardBuilder publicUrl(String url) { draft.publicUrl = BuilderChecks.publicUrl(url); return this; }

    /**
     * Signs people in with the embedding application's login, so its users need no second one: asked
     * first on every admin and API request (an API request with an {@code Authorization} header
     * excepted); an empty answer falls back to Plugboard's own login unless {@link #ownLogin(boolean)}
     * turned it off. See {@link AdminAuthenticator} for examples.
     *
     * @param authenticator says who makes a request, as an admin or a viewer
     * @return this builder
     */
    public PlugboardBuilder authenticator(AdminAuthenticator authenticator) {
        draft.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        return this;
    }

    /**
     * Whether Plugboard's own accounts may sign in: the login form, the one-time setup form and HTTP
     * Basic on the API. On by default. Turned off (only with an {@link #authenticator}), those answer
     * 404 or 401, and a request to the admin that the authenticator does not vouch for is redirected
     * to {@link #loginUrl(String)} (or gets a 401 page); API tokens keep working.
     *
     * @param enabled false to sign people in only through the authenticator
     * @return this builder
     */
    public PlugboardBuilder ownLogin(boolean enabled) { draft.ownLogin = enabled; return this; }

    /**
     * The application's login page, where the admin sends someone nobody signed in when
     * {@link #ownLogin(boolean)} is off.
     *
     * @param url an {@code http(s)://} URL or a path such as {@code /login?next={next}}; {@code {next}}
     *            becomes the requested admin path, URL-encoded
     * @return this builder
     * @throws IllegalArgumentException for anything else
     */
    public PlugboardBuilder loginUrl(String url) { draft.loginUrl = BuilderChecks.appUrl("login URL", url); return this; }

    /**
     * The application's logout, linked as "Log out" in the admin's top bar for people its
     * {@link #authenticator} signed in. Without it they get no logout link (Plugboard keeps no session
     * for them to end).
     *
     * @param url an {@code http(s)://} URL or a path such as {@code /logout}
     * @return this builder
     * @throws IllegalArgumentException for anything else
     */
    public PlugboardBuilder logoutUrl(String url) { draft.logoutUrl = BuilderChecks.appUrl("logout URL", url); return this; }

    /**
     * Puts everything Plugboard serves under one path of its server, e.g. {@code /plugboard}: the admin
     * at {@code /plugboard/admin}, the API at {@code /plugboard/api/v1}, {@code /plugboard/health},
     * {@code /plugboard/metrics}, inbound webhooks at {@code /plugboard/hooks/in/…}, the inspector at
     * {@code /plugboard/inspect/…}, and the admin's assets; links, redirects, cookies and the URLs the
     * admin shows follow. Nothing answers at the paths without it; the application's own routes (see
     * {@link #web}) are not moved. Default: the root.
     *
     * @param path {@code /} and segments of letters, digits and {@code - . _ ~}, without a trailing
     *     {@code /}; {@code ""} or {@code "/"} for the root
     * @return this builder
     * @throws IllegalArgumentException saying what to fix, for another path
     */
    public PlugboardBuilder basePath(String path) { draft.basePath = BuilderChecks.basePath(path); return this; }

    /**
     * Turns parts of the admin and the API off, with their routes: their pages and API routes answer
     * 404, their menu entries, links and buttons are gone, and the OpenAPI document leaves their
     * operations out. Repeatable; every section is on by default.
     *
     * @param sections the sections to turn off
     * @return this builder
     */
    public PlugboardBuilder disableSections(AdminSection... sections) {
        for (AdminSection section : sections) {
            draft.disabledSections.add(Objects.requireNonNull(section, "section"));
        }
        return this;
    }

    /**
     * An image shown in the admin's top bar before the site's name (about 28 px high). An {@code https://}
     * URL on another site is allowed by the admin's Content-Security-Policy for images.
     *
     * @param url a path on this server, e.g. {@code /assets/logo.svg} (served by the application's own
     *     routes), or an {@code https://} URL
     * @return this builder
     * @throws IllegalArgumentException for anything else
     */
    public PlugboardBuilder logoUrl(String url) { draft.logoUrl = BuilderChecks.brandUrl("logoUrl", url); return this; }

    /**
     * The admin's accent colour (links, primary buttons, the current page in pagers and filters),
     * served in a small generated stylesheet; choose one with enough contrast on white (WCAG AA: 4.5:1).
     *
     * @param color a CSS hex colour, {@code #rgb} or {@code #rrggbb}, e.g. {@code #0f766e}
     * @return this builder
     * @throws IllegalArgumentException for anything else
     */
    public PlugboardBuilder primaryColor(String color) { draft.primaryColor = BuilderChecks.primaryColor(color); return this; }

    /**
     * One more stylesheet the admin links after its own, to restyle it further. An {@code https://} URL
     * on another site is allowed by the admin's Content-Security-Policy for styles.
     *
     * @param url a path on this server (served by the application's own routes) or an {@code https://} URL
     * @return this builder
     * @throws IllegalArgumentException for anything else
     */
    public PlugboardBuilder stylesheet(String url) {
        draft.stylesheetUrl = BuilderChecks.brandUrl("stylesheet", url);
        return this;
    }

    /**
     * @param text one line shown at the foot of every admin page, as text (HTML in it is shown escaped)
     * @return this builder
     * @throws IllegalArgumentException for more than one line or more than 500 characters
     */
    public PlugboardBuilder footer(String text) { draft.footer = BuilderChecks.footer(text); return this; }

    /**
     * Which sites may show the customer portal ({@code /portal}) in an {@code <iframe>}, for applications that
     * set no {@code frame_ancestors} of their own: the CSP's {@code frame-ancestors}. By default none may
     * ({@code 'none'}, and {@code X-Frame-Options: DENY}).
     *
     * @param origins origins only, such as {@code https://app.example.com}, {@code https://*.example.com} or
     *     {@code 'self'}; none for the default
     * @return this builder
     * @throws IllegalArgumentException for a path, a query or any other keyword
     */
    public PlugboardBuilder portalFrameAncestors(String... origins) {
        draft.portalFrameAncestors = PortalConfig.checked(List.of(origins));
        return this;
    }

    /**
     * The key that encrypts the secrets store's values, plugin settings declared secret and inbound
     * webhooks' settings. Without it the host creates {@code secrets.key} in the data folder on first
     * start. Give the same key to every instance sharing a database. Never logged.
     *
     * @param base64 base64 of 32 random bytes, e.g. from {@code openssl rand -base64 32}
     * @return this builder
     * @throws IllegalArgumentException if it is not base64 of 32 bytes
     */
    public PlugboardBuilder secretsKey(String base64) { draft.secretsKey = BuilderChecks.secretsKey(base64); return this; }

    /**
     * Sets every option given in the process environment under {@code prefix}: with {@code PLUGBOARD_},
     * {@code PLUGBOARD_PORT}, {@code PLUGBOARD_DATA_DIR}, … (the option's key in capitals, {@code -} and
     * {@code .} as {@code _}; see docs/embedding.md for the table). Options taking code
     * ({@link #web}, {@link #eventType}, {@link #authenticator}) have no key. Options set later on the builder win.
     *
     * @param prefix e.g. {@code PLUGBOARD_}; every variable starting with it must be an option
     * @return this builder
     * @throws IllegalArgumentException naming the variable, for an unknown one or a bad value
     */
    public PlugboardBuilder fromEnvironment(String prefix) { return fromEnvironment(prefix, System.getenv()); }

    /**
     * Like {@link #fromEnvironment(String)}, from the given variables instead of the process's.
     *
     * @param prefix e.g. {@code PLUGBOARD_}
     * @param environment variable names to values
     * @return this builder
     * @throws IllegalArgumentException naming the variable, for an unknown one or a bad value
     */
    public PlugboardBuilder fromEnvironment(String prefix, Map<String, String> environment) {
        ConfigBindings.apply(this, ConfigBindings.fromEnvironment(prefix, environment));
        return this;
    }

    /**
     * Sets every option given in {@code properties} under {@code prefix}: with {@code plugboard.},
     * {@code plugboard.port}, {@code plugboard.data-dir}, … (see docs/embedding.md for the table).
     * Options taking code ({@link #web}, {@link #eventType}, {@link #authenticator}) have no key. Options set later on the
     * builder win.
     *
     * @param properties e.g. loaded from an application's {@code .properties} file
     * @param prefix e.g. {@code plugboard.}; every property starting with it must be an option
     * @return this builder
     * @throws IllegalArgumentException naming the property, for an unknown one or a bad value
     */
    public PlugboardBuilder fromProperties(Properties properties, String prefix) {
        ConfigBindings.apply(this, ConfigBindings.fromProperties(properties, prefix));
        return this;
    }

    /** @return what this builder was told so far, for the bindings that change one part of a combined option */
    ConfigDraft draft() {
        return draft;
    }

    /**
     * Serves Plugboard from the embedding application's own Javalin instead of a server of its own:
     * {@link Plugboard#start()} then opens the database and starts the plugins and deliveries without
     * listening anywhere, and {@link PlugboardJavalin#mount} adds Plugboard's routes, under the
     * {@link #basePath base path}, to the application's Javalin configuration. The application's server
     * settings stay the application's ({@link #port}, {@link #bindHost} and {@link #web} are not used);
     * see docs/embedding.md, "Inside your own Javalin app".
     *
     * @return this builder
     */
    public PlugboardBuilder mounted() { draft.mounted = true; return this; }

    /**
     * @return a host, not yet started
     * @throws IllegalStateException for {@code ownLogin(false)} without an {@code authenticator}, or for
     *     {@code mounted()} without a {@code basePath} or with {@code web(...)} customizers
     */
    public Plugboard build() {
        return new Plugboard(draft.toConfig());
    }
}
