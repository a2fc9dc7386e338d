package io.plugboard.host.internal.wiring;

import io.javalin.config.JavalinConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.config.AdminConfig;
import io.plugboard.host.internal.config.HostConfig;
import io.plugboard.host.internal.config.SectionsConfig;
import io.plugboard.host.internal.apps.Applications;
import io.plugboard.host.internal.auth.AdminUsers;
import io.plugboard.host.internal.auth.ApiTokens;
import io.plugboard.host.internal.auth.AuthServices;
import io.plugboard.host.internal.auth.PrincipalCsrf;
import io.plugboard.host.internal.auth.LoginThrottle;
import io.plugboard.host.internal.auth.VerifiedCredentials;
import io.plugboard.host.internal.auth.Sessions;
import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.common.Json;
import io.plugboard.host.internal.common.Workers;
import io.plugboard.host.internal.instances.HealthCheck;
import io.plugboard.host.internal.instances.HealthReport;
import io.plugboard.host.internal.contrib.Contributions;
import io.plugboard.host.internal.contrib.OutboundExtensions;
import io.plugboard.host.internal.contrib.PluginContributions;
import io.plugboard.host.internal.contrib.PluginPages;
import io.plugboard.host.internal.contrib.PluginRoutes;
import io.plugboard.host.internal.contrib.PluginTemplates;
import io.plugboard.host.internal.contrib.TaskScheduler;
import io.plugboard.host.internal.delivery.DeliveryEngine;
import io.plugboard.host.internal.delivery.DeliveryMetrics;
import io.plugboard.host.internal.delivery.RequestPreview;
import io.plugboard.host.internal.delivery.TestConsole;
import io.plugboard.host.internal.delivery.TestSender;
import io.plugboard.host.internal.events.EventMinutes;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.EventTypeCompiler;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.OperationalEvents;
import io.plugboard.host.internal.events.OperationalTypes;
import io.plugboard.host.internal.events.OutboxWriter;
import io.plugboard.host.internal.events.RegisteredEventType;
import io.plugboard.host.internal.events.SourceEmitter;
import io.plugboard.host.internal.events.SourceTransactions;
import io.plugboard.host.internal.instances.Instances;
import io.plugboard.host.internal.instances.JobLeases;
import io.plugboard.host.internal.hooks.HookExecutor;
import io.plugboard.host.internal.hooks.HookRegistry;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.sdk.hooks.ActionHook;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.HostInfo;
import io.plugboard.host.internal.hooks.OwnedHooks;
import io.plugboard.host.internal.inbound.InboundReceiving;
import io.plugboard.host.internal.inbound.InboundRequestLog;
import io.plugboard.host.internal.inbound.InboundService;
import io.plugboard.host.internal.inbound.InboundServices;
import io.plugboard.host.internal.inbound.InboundStore;
import io.plugboard.host.internal.inbound.ReceivedEvents;
import io.plugboard.host.internal.inbound.ReceiverRegistry;
import io.plugboard.host.internal.migrations.PluginMigrations;
import io.plugboard.host.internal.plugins.PluginReport;
import io.plugboard.host.internal.inspector.InboxDelivery;
import io.plugboard.host.internal.inspector.InboxPurge;
import io.plugboard.host.internal.inspector.Inboxes;
import io.plugboard.host.internal.filters.FilterCache;
import io.plugboard.host.internal.payloads.OutboundCatalog;
import io.plugboard.host.internal.payloads.PayloadFormats;
import io.plugboard.host.internal.payloads.PayloadTemplates;
import io.plugboard.host.internal.payloads.PayloadValidator;
import io.plugboard.host.internal.payloads.Payloads;
import io.plugboard.host.internal.secrets.SealedSettings;
import io.plugboard.host.internal.secrets.SealedValues;
import io.plugboard.host.internal.secrets.SecretKeys;
import io.plugboard.host.internal.secrets.SecretService;
import io.plugboard.host.internal.plugins.PluginOpsEvents;
import io.plugboard.host.internal.plugins.PluginOptions;
import io.plugboard.host.internal.plugins.PluginTrust;
import io.plugboard.host.internal.config.PluginConfig;
import io.plugboard.host.internal.repository.ForgetUninstalled;
import io.plugboard.host.internal.repository.RepositoryOptions;
import io.plugboard.host.internal.repository.RepositoryService;
import io.plugboard.host.internal.repository.RepositoryWorker;
import io.plugboard.host.internal.plugins.PluginService;
import io.plugboard.host.internal.settings.SettingsService;
import io.plugboard.host.internal.stats.ActivityStore;
import io.plugboard.host.internal.tracing.Tracing;
import io.plugboard.host.internal.tracing.TracingSettings;
import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.internal.storage.PrivateFiles;
import io.plugboard.host.internal.web.InboundEndpoint;
import io.plugboard.host.internal.web.InspectEndpoint;
import io.plugboard.host.internal.web.Callers;
import io.plugboard.host.internal.web.MountPoint;
import io.plugboard.host.internal.web.PlugboardRoutes;
import io.plugboard.host.internal.web.WebServer;
import io.plugboard.host.internal.web.admin.AdminAccountRoutes;
import io.plugboard.host.internal.web.admin.AdminApplicationRoutes;
import io.plugboard.host.internal.web.admin.AdminDashboardRoutes;
import io.plugboard.host.internal.web.admin.AdminDeliveryRoutes;
import io.plugboard.host.internal.web.admin.AdminEventRoutes;
import io.plugboard.host.internal.web.admin.AdminInboundRoutes;
import io.plugboard.host.internal.web.admin.AdminPayloadRoutes;
import io.plugboard.host.internal.web.admin.AdminPluginRoutes;
import io.plugboard.host.internal.web.admin.AdminView;
import io.plugboard.host.internal.web.api.PortalLinksApi;
import io.plugboard.host.internal.web.portal.PortalRoutes;
import io.plugboard.host.internal.portal.PortalLinks;
import io.plugboard.host.internal.portal.PortalSessions;
import io.plugboard.host.internal.web.admin.AdminWebhookRoutes;
import io.plugboard.host.internal.web.admin.BrandStylesheet;
import io.plugboard.host.internal.web.admin.ErrorPage;
import io.plugboard.host.internal.web.admin.Templates;
import io.plugboard.host.internal.web.api.ApiAccountRoutes;
import io.plugboard.host.internal.web.api.ApiDeliveryRoutes;
import io.plugboard.host.internal.web.api.ApiEventRoutes;
import io.plugboard.host.internal.web.api.ApiInboundRoutes;
import io.plugboard.host.internal.web.api.ApiInstanceRoutes;
import io.plugboard.host.internal.web.api.ApiPayloadRoutes;
import io.plugboard.host.internal.web.api.ApiPluginRoutes;
import io.plugboard.host.internal.web.api.ApiAppRoutes;
import io.plugboard.host.internal.web.api.ApiWebhookRoutes;
import io.plugboard.host.internal.web.http.AppScopes;
import io.plugboard.host.internal.web.http.RouteGroup;
import io.plugboard.host.internal.outbound.PluginFields;
import io.plugboard.host.internal.outbound.SigningSecrets;
import io.plugboard.host.internal.outbound.TargetGuard;
import io.plugboard.host.internal.outbound.WebhookService;
import io.plugboard.host.internal.outbound.Destinations;
import io.plugboard.host.internal.outbound.WebhookStore;
import io.plugboard.host.internal.outbound.WebhookValidator;
import io.plugboard.sdk.EventEmitter;
import io.plugboard.sdk.EventType;
import io.plugboard.sdk.hooks.Hooks;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started host: wires the parts together in order and takes them down in reverse. The only place
 * that knows every part; each part gets what it needs through its constructor.
 *
 * <p>Over 300 lines on purpose (a hundred of them imports): the composition root reads best as one
 * sequence, in start order, so the order in which parts are built, started and closed is visible in
 * one place.
 */
public final class HostRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HostRuntime.class);
    /** A hook callback that takes longer than this is reported in the log. */
    private static final Duration SLOW_HOOK = Duration.ofMillis(200);
    /** How often each instance looks for a plugin version chosen on another one. */
    private static final Duration REPOSITORY_RECONCILE = Duration.ofSeconds(5);
    /** A repository's answer: connecting and the whole body each within this, an index at most 8 MiB, used 60 s. */
    private static final Duration REPOSITORY_TIMEOUT = Duration.ofSeconds(20);
    private static final long REPOSITORY_MAX_INDEX_BYTES = 8L * 1024 * 1024;
    private static final Duration REPOSITORY_CACHE = Duration.ofSeconds(60);

    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private EventEmitter appEmitter;
    private Hooks appHooks;
    private PluginService plugins;
    private EventService events;
    private Applications apps;
    private PortalLinks portalLinks;
    private WebServer web;
    private MountPoint mount;
    private HostConfig config;
    private PlugboardRoutes served;
    private String instanceId;
    private HealthCheck health;
    private Database database;
    private DeliveryMetrics metrics;
    private HookRunner hookRunner;
    private DeliveryEngine delivery;
    private boolean stopping;

    private HostRuntime() {}

    public static HostRuntime start(HostConfig config) {
        HostRuntime runtime = new HostRuntime();
        try {
            runtime.boot(config);
            return runtime;
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    private void boot(HostConfig config) {
        this.config = config;
        LibraryVersions.check(HostRuntime.class.getClassLoader());
        // Millisecond ticks: times are stored as epoch millis, so what we return must not be finer.
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
        Ids ids = new Ids(clock);
        ObjectMapper apiMapper = Json.newMapper();
        ObjectMapper dataMapper = Json.newDataMapper();
        Workers workers = new Workers(clock);
        // Closed last: the spans of the final attempts are exported after the deliveries drained.
        Tracing tracing = closing(Tracing.of(TracingSettings.ofProcess()));

        PrivateFiles.directory(config.dataDir());
        Database db = closing(config.appDatabase() != null ? Database.openApp(config.appDatabase())
                : Database.open(config.database(), config.dataDir()));
        database = db;
        db.startCheckpoints(workers);
        Instances instances = closing(new Instances(db.jdbi(),
                config.site().instanceId() != null ? config.site().instanceId() : ids.next("ins"), config.site().hostVersion(),
                config.delivery().leaseDuration().dividedBy(6), clock, workers));
        health = new HealthCheck(instances, workers);
        instanceId = instances.id();
        EventTypeRegistry registry = new EventTypeRegistry();
        EventTypeCompiler compiler = new EventTypeCompiler(apiMapper);
        for (EventType type : OperationalTypes.all()) {
            registry.register(compiler.compile(type, OperationalEvents.SOURCE));
        }
        for (EventType type : config.appEventTypes()) {
            registry.register(compiler.compile(type, RegisteredEventType.APP_SOURCE));
        }
        HookRunner hooks = new HookRunner(new HookRegistry(), SLOW_HOOK);
        hookRunner = hooks;
        HookExecutor hookThread = new HookExecutor(hooks);
        appHooks = new OwnedHooks(hooks, RegisteredEventType.APP_SOURCE, () -> true);
        SecretKey secretsKey = SecretKeys.load(config.secretsKey(), config.dataDir());
        SealedValues sealed = new SealedValues(secretsKey);
        Contributions contributions = new Contributions(hooks, new SettingsService(db.jdbi(), sealed, clock), new PluginPages(),
                new PluginTemplates(), new PluginRoutes());
        JobLeases jobs = new JobLeases(db.jdbi(), instances.id(), clock);
        // A one-instance plugin task moves to another instance within the lease the instances' heartbeats use.
        TaskScheduler tasks = new TaskScheduler(clock, jobs, config.delivery().leaseDuration());
        PluginFields pluginFields = new PluginFields(hooks, db.jdbi(), sealed);
        PluginContributions pluginParts = new PluginContributions(contributions, tasks, db.dataSource(), pluginFields);
        WebhookStore webhookStore = new WebhookStore(db.jdbi(), new SealedSettings(sealed, apiMapper));
        Destinations destinations = new Destinations();
        DeliveryMetrics metrics = new DeliveryMetrics(db.jdbi(), clock::instant);
        this.metrics = metrics;
        Inboxes inspector = new Inboxes(db.jdbi(), apiMapper, clock);
        InboxPurge inboxPurge = closing(new InboxPurge(inspector, jobs, workers));
        TargetGuard guard = new TargetGuard(config.targets().allowPrivate(), config.targets().allowed(),
                inspector::isOwnInboxUrl);
        guard.relaxedNotice().ifPresent(log::warn);
        SecretService secrets = closing(new SecretService(db.jdbi(), apiMapper, secretsKey, clock));
        PayloadFormats formats = PayloadFormats.builtIn(apiMapper, new PayloadTemplates(apiMapper, config.templates()),
                config.site().name());
        // A request reads the secrets of its webhook's application only; a check knows that application's names.
        Payloads payloads = new Payloads(formats, secrets::value);
        PayloadValidator payloadCheck = new PayloadValidator(formats, registry, secrets::names);
        OutboundCatalog catalog = new OutboundCatalog(destinations, formats);
        EventMinutes eventMinutes = closing(new EventMinutes(db.jdbi(), workers));
        events = new EventService(registry, db.groupCommit(), new OutboxWriter(ids, new FilterCache(), apiMapper),
                new EmittedEvents(metrics, eventMinutes, this::wakeDispatcher, hooks), apiMapper, ids, clock,
                config.plugins().rejectInvalidEventData(), hooks, tracing);
        OperationalEvents ops = new OperationalEvents(events, apiMapper, config.operational());
        DeliveryEngine delivery = new DeliveryEngine(db, webhookStore, guard, config.delivery(), metrics,
                apiMapper, ids, clock, config.site().hostVersion(), payloads, new InboxDelivery(inspector), hooks, hookThread,
                instances.id(), jobs, workers, destinations, catalog, ops, tracing, config.outboundProxy(), secrets::value);
        this.delivery = delivery;
        appEmitter = new SourceEmitter(events, dataMapper, RegisteredEventType.APP_SOURCE);

        InboundStore inboundStore = new InboundStore(db.jdbi(), apiMapper, sealed, clock);
        // Inbound webhooks in AUTO mode follow the version of a receiver's plugin when it starts.
        ReceiverRegistry receivers = new ReceiverRegistry(this::pluginVersion, inboundStore::followVersion);
        InboundRequestLog inboundRequests = new InboundRequestLog(db.jdbi(), ops);
        InboundServices inbound = new InboundServices(new InboundService(inboundStore, inboundRequests, receivers, ids, clock),
                new InboundReceiving(inboundStore, inboundRequests, receivers, events, db.jdbi(), apiMapper, ids, clock,
                        config.web().maxRequestBytes(), hooks),
                new ReceivedEvents(db.jdbi()));

        PluginConfig.Sources sources = config.plugins().sources();
        PluginOptions pluginOptions = new PluginOptions(config.plugins().dir(), config.dataDir().resolve("plugin-copies"),
                config.plugins().developmentDirs(), config.site().hostVersion(), config.plugins().watch(),
                Duration.ofMillis(250), config.plugins().maxJarBytes(), config.plugins().timeLimits(),
                PluginTrust.load(sources.trustedKeys(), sources.requireSigned()));
        // Migrations run before a plugin's contributions open, so a failed migration fails its start.
        plugins = closing(new PluginService(pluginOptions, db.jdbi(), clock, registry, compiler,
                source -> new SourceEmitter(events, dataMapper, source),
                source -> new SourceTransactions(db.jdbi(), events, dataMapper, source), pluginParts::partsFor,
                List.of(new PluginMigrations(db.jdbi(), db.dataSource(), clock), pluginParts, receivers,
                        new OutboundExtensions(destinations, formats, delivery::webhooksChanged),
                        new ForgetUninstalled(db.jdbi(), clock), new PluginOpsEvents(ops)), workers));
        RepositoryOptions repositoryOptions = new RepositoryOptions(sources.repositories(),
                config.dataDir().resolve("plugin-downloads"), sources.autoUpdate(), sources.updateCheckInterval(),
                REPOSITORY_RECONCILE, new RepositoryOptions.Limits(REPOSITORY_TIMEOUT, REPOSITORY_MAX_INDEX_BYTES,
                        config.plugins().maxJarBytes(), REPOSITORY_CACHE));
        RepositoryService repository = new RepositoryService(repositoryOptions, plugins, db.jdbi(), ids, clock,
                instances.id());
        // Closed before the plugins: a download or install under way ends first.
        RepositoryWorker repositoryWorker = closing(new RepositoryWorker(repository, repositoryOptions, jobs, clock,
                workers.periodic("plugin-repository", "plugboard-plugin-repository")));
        // Closed before the plugins stop: queued delivery hooks still reach their callbacks.
        closing(hookThread);
        closing(tasks);
        WebhookValidator webhookCheck = new WebhookValidator(registry, guard, payloadCheck, destinations, secrets::names);
        apps = new Applications(db.jdbi(), apiMapper, ids, clock);
        AppScopes scopes = new AppScopes(apps);
        WebhookService webhooks = new WebhookService(webhookStore, webhookCheck, new SigningSecrets(), ids,
                clock, hooks, delivery::webhooksChanged, pluginFields, ops, apps);
        VerifiedCredentials verifiedBasic = new VerifiedCredentials(clock);
        AuthServices auth = new AuthServices(new AdminUsers(db.jdbi(), db.dialect(), ids, clock, config.admin().passwordHashing()),
                new Sessions(db.jdbi(), clock, config.admin().sessionIdleTimeout()), new ApiTokens(db.jdbi(), ids, clock),
                new LoginThrottle(clock, verifiedBasic::forget), verifiedBasic);
        if (config.admin().passwordHashing().weakened()) {
            log.warn("Passwords are hashed with {}: cheap to crack, meant for tests only", config.admin().passwordHashing());
        }
        InitialAdmin.create(config.admin(), auth.users());
        // Each area's routes get the services they use; the API first, then the public endpoints, then the admin.
        TestSender testSender = delivery.testSender(events);
        RequestPreview preview = delivery.preview(events, payloadCheck, secrets::names, apiMapper);
        TestConsole console = delivery.testConsole(events);
        Duration rotationOverlap = config.delivery().secretRotationOverlap();
        SectionsConfig sections = config.sections();
        AdminView view = new AdminView(new Templates(apiMapper), config.site().name(), config.site().hostVersion(),
                guard.relaxedNotice().orElse(null), contributions.hooks(), config.web().basePath(), sections,
                config.branding(), () -> !receivers.all().isEmpty());
        portalLinks = new PortalLinks(db.jdbi(), clock);
        PortalRoutes portal = new PortalRoutes(new PortalRoutes.Services(portalLinks, new PortalSessions(db.jdbi(), clock),
                apps, webhooks, registry, delivery.store(), testSender, console, sections.testConsole(), delivery::wake,
                rotationOverlap, apiMapper, clock),
                config.web().basePath(), config.site().name(), config.branding(), config.portal());
        List<RouteGroup> routes = List.of(
                new ApiInstanceRoutes(instances, health, apiMapper, config.web().basePath(), sections),
                new ApiEventRoutes(registry, events, apiMapper, config.web().maxRequestBytes(), tracing, scopes),
                new ApiAppRoutes(scopes, apiMapper),
                new PortalLinksApi(portalLinks, scopes, apiMapper, config.web().basePath()),
                new ApiWebhookRoutes(webhooks, testSender, apiMapper, rotationOverlap, registry, catalog, scopes),
                new ApiPayloadRoutes(preview, console, secrets, inspector, webhooks, apiMapper, sections, scopes),
                new ApiPluginRoutes(plugins, repository, contributions.settings(), contributions.routes(), apiMapper, sections.upload()),
                RouteGroup.onlyIf(sections.inbound(), new ApiInboundRoutes(inbound.webhooks(), inbound.received(), apiMapper,
                        config.web().basePath(), scopes)),
                new ApiAccountRoutes(auth.tokens(), auth.users(), auth.accounts(), apiMapper, apps),
                new ApiDeliveryRoutes(delivery.store(), delivery.replays(), webhooks, delivery::wake, metrics, apiMapper,
                        clock, scopes),
                RouteGroup.onlyIf(sections.inbound(), new InboundEndpoint(inbound.receiving(), tracing)),
                RouteGroup.onlyIf(sections.inspector(), new InspectEndpoint(inspector, apiMapper)),
                new BrandStylesheet(config.branding()),
                portal,
                new AdminAccountRoutes(auth, config, guard, apiMapper, view),
                new AdminDashboardRoutes(new ActivityStore(db.jdbi()), webhooks, clock, view),
                new AdminWebhookRoutes(webhooks, registry, delivery.store(), testSender, preview, catalog, rotationOverlap,
                        view, delivery.rateLimits()),
                new AdminApplicationRoutes(apps, portalLinks, view),
                new AdminEventRoutes(registry, webhooks, testSender, delivery.store(), view),
                new AdminDeliveryRoutes(delivery.store(), delivery.replays(), webhooks, delivery::wake, clock, view),
                RouteGroup.onlyIf(sections.inbound(), new AdminInboundRoutes(inbound.webhooks(), inbound.received(), view)),
                new AdminPayloadRoutes(webhooks, registry, console, secrets, inspector, apiMapper, view, sections),
                new AdminPluginRoutes(plugins, repository, config.plugins().dir(), contributions.settings(), instances,
                        contributions.pages(), contributions.templates(), view, sections.upload()));
        Callers callers = new Callers(auth.sessions(), config.admin().login(), new PrincipalCsrf(secretsKey.getEncoded()));
        served = new PlugboardRoutes(config.web(), apiMapper, auth, callers, plugins.maxUploadBytes(), new ErrorPage(view),
                routes, config.branding(), hooks);

        // Deliveries start before plugins, so events plugins emit while starting go out at once;
        // the engine closes before the plugins and the database, draining what is in flight.
        delivery.start();
        closing(delivery);
        eventMinutes.start();
        inboxPurge.start();
        plugins.start();
        repositoryWorker.start();
        instances.start(plugins::reports);
        plugins.onPublished(instances::pluginsChanged);
        String base = config.web().basePath().value();
        Runnable announce = () -> announce(config, base, registry.all().size(), !auth.users().any()
                && config.admin().login().app().isEmpty());
        if (config.web().mounted()) {
            // The routes go into the application's Javalin (PlugboardJavalin.mount); its server says where it listens.
            mount = closing(new MountPoint(served, (host, port) -> {
                inspector.listeningOn(host, port, base);
                announce.run();
            }));
            log.info("Plugboard {} is started, to be mounted under {} of the application's Javalin",
                    config.site().hostVersion(), base);
        } else {
            web = closing(new WebServer(config.web(), apiMapper, plugins.maxUploadBytes(), served));
            web.start();
            inspector.listeningOn(config.web().bindHost(), web.port(), base);
            announce.run();
        }
        tellHost(CoreHooks.HOST_STARTED);
    }

    /** Before the engine is built nothing is emitted: no plugin runs yet, and the API does not answer. */
    private void wakeDispatcher() {
        if (delivery != null) {
            delivery.wake();
        }
    }

    private void tellHost(ActionHook<HostInfo> hook) {
        if (hookRunner != null && hookRunner.has(hook)) {
            hookRunner.doAction(hook, new HostInfo(instanceId, config.site().hostVersion()));
        }
    }

    private void announce(HostConfig config, String base, int eventTypes, boolean noAdmin) {
        String at = "http://" + listenHost(config) + ":" + port() + base;
        log.info("Plugboard {} is running: admin at {}/admin ({} event types from {} plugin(s))",
                config.site().hostVersion(), at, eventTypes, plugins.reports().size());
        if (noAdmin) {
            log.warn("No admin exists yet: open {}/admin/setup to create the first one "
                    + "(or configure the first admin: the adminUser option, configuration keys admin-user and "
                    + "admin-password)", at);
        }
    }

    /** @return the address the server listens on: the host's own server's, or the application's once started */
    private String listenHost(HostConfig config) {
        return mount != null ? mount.host() : config.web().bindHost();
    }

    /** @return the address the server listens on: the host's own server's, or the application's once started */
    public String listenHost() {
        return listenHost(config);
    }

    /** Adds the host's routes to the application's Javalin (a {@code mounted()} host only). */
    public void mount(JavalinConfig javalin) {
        if (mount == null) {
            throw new IllegalStateException("this host serves on its own server; build it with mounted() to mount it");
        }
        mount.mount(javalin);
    }

    private Optional<String> pluginVersion(String pluginId) {
        return plugins.reports().stream().filter(r -> r.id().equals(pluginId)).map(PluginReport::version).findFirst();
    }

    public EventEmitter appEmitter() {
        return appEmitter;
    }

    /** @return the hooks of the embedding application (owner {@code app}) */
    public Hooks appHooks() {
        return appHooks;
    }

    public PluginService plugins() {
        return plugins;
    }

    /** Emits on the caller's connection, inside the caller's transaction (the transactional outbox). */
    public String emitOn(Connection connection, String type, JsonNode data) throws SQLException {
        try (var scope = database.scopeOn(connection)) {
            return events.emitOn(connection, RegisteredEventType.APP_SOURCE, type, data).id();
        }
    }

    /**
     * Emits for one application's webhooks (source {@code app}); see {@code Plugboard.emitFor}.
     *
     * @throws io.plugboard.host.internal.common.NotFoundException if no application has the id or uid
     */
    public String emitFor(String app, String type, JsonNode data) {
        return events.emit(apps.get(app).id(), RegisteredEventType.APP_SOURCE, type, data).id();
    }

    /** @return the Plugboard-relative path of a new single-use portal link; see {@code Plugboard.portalLink} */
    public String portalLink(String app, Duration lifetime, boolean readOnly) {
        return "/portal/enter/" + portalLinks.create(apps.get(app).id(), lifetime.toSeconds(), readOnly).token();
    }

    /** @return the id of the application with the uid, created with the name if there was none */
    public String ensureApplication(String uid, String name) {
        return apps.find(uid).map(io.plugboard.host.internal.apps.Application::id)
                .orElseGet(() -> apps.createOrFind(uid, name).id());
    }

    /** Emits once per idempotency key (source {@code app}); see {@code Plugboard.emitOnce}. */
    public String emitOnce(String idempotencyKey, String type, JsonNode data) {
        List<EventService.NewEvent> one = List.of(new EventService.NewEvent(type, data, idempotencyKey));
        return events.emitAll(RegisteredEventType.APP_SOURCE, one, (connection, written) -> { }).get(0).id();
    }

    public String instanceId() {
        return instanceId;
    }

    /** @return the registry of the host's meters, the one {@code /metrics} scrapes */
    public MeterRegistry meters() {
        return metrics.registry();
    }

    public HealthReport health() {
        return health.check();
    }

    /** @throws IllegalStateException when mounted and the application's server has not started yet */
    public int port() {
        if (mount != null) {
            return mount.port().orElseThrow(() -> new IllegalStateException(
                    "the application's server has not started yet; its port is known once it has"));
        }
        return web.port();
    }

    public List<String> routes() {
        return served.routes();
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closeables.push(closeable);
        return closeable;
    }

    @Override
    public void close() {
        if (!stopping && !closeables.isEmpty()) {
            stopping = true;
            tellHost(CoreHooks.HOST_STOPPING); // still fully running
        }
        while (!closeables.isEmpty()) {
            AutoCloseable next = closeables.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("Error while shutting down {}: {}", next.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
