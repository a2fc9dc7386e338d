package io.plugboard.host.internal.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.apps.Applications;
import io.plugboard.host.internal.config.HostConfig;
import io.plugboard.host.internal.config.PluginConfig;
import io.plugboard.host.internal.contrib.Contributions;
import io.plugboard.host.internal.contrib.OutboundExtensions;
import io.plugboard.host.internal.contrib.PluginContributions;
import io.plugboard.host.internal.contrib.PluginPages;
import io.plugboard.host.internal.contrib.PluginRoutes;
import io.plugboard.host.internal.contrib.PluginTemplates;
import io.plugboard.host.internal.contrib.TaskScheduler;
import io.plugboard.host.internal.delivery.DeliveryEngine;
import io.plugboard.host.internal.delivery.DeliveryMetrics;
import io.plugboard.host.internal.events.EventMinutes;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.OperationalEvents;
import io.plugboard.host.internal.events.OutboxWriter;
import io.plugboard.host.internal.events.SourceEmitter;
import io.plugboard.host.internal.events.SourceTransactions;
import io.plugboard.host.internal.filters.FilterCache;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.host.internal.inbound.InboundReceiving;
import io.plugboard.host.internal.inbound.InboundRequestLog;
import io.plugboard.host.internal.inbound.InboundService;
import io.plugboard.host.internal.inbound.InboundServices;
import io.plugboard.host.internal.inbound.InboundStore;
import io.plugboard.host.internal.inbound.ReceivedEvents;
import io.plugboard.host.internal.inbound.ReceiverRegistry;
import io.plugboard.host.internal.inspector.InboxDelivery;
import io.plugboard.host.internal.inspector.InboxPurge;
import io.plugboard.host.internal.inspector.Inboxes;
import io.plugboard.host.internal.instances.JobLeases;
import io.plugboard.host.internal.migrations.PluginMigrations;
import io.plugboard.host.internal.outbound.Destinations;
import io.plugboard.host.internal.outbound.PluginFields;
import io.plugboard.host.internal.outbound.SigningSecrets;
import io.plugboard.host.internal.outbound.TargetGuard;
import io.plugboard.host.internal.outbound.WebhookService;
import io.plugboard.host.internal.outbound.WebhookStore;
import io.plugboard.host.internal.outbound.WebhookValidator;
import io.plugboard.host.internal.payloads.OutboundCatalog;
import io.plugboard.host.internal.payloads.PayloadFormats;
import io.plugboard.host.internal.payloads.PayloadTemplates;
import io.plugboard.host.internal.payloads.PayloadValidator;
import io.plugboard.host.internal.payloads.Payloads;
import io.plugboard.host.internal.plugins.PluginOpsEvents;
import io.plugboard.host.internal.plugins.PluginOptions;
import io.plugboard.host.internal.plugins.PluginReport;
import io.plugboard.host.internal.plugins.PluginService;
import io.plugboard.host.internal.plugins.PluginTrust;
import io.plugboard.host.internal.portal.PortalLinks;
import io.plugboard.host.internal.repository.ForgetUninstalled;
import io.plugboard.host.internal.repository.RepositoryOptions;
import io.plugboard.host.internal.repository.RepositoryService;
import io.plugboard.host.internal.repository.RepositoryWorker;
import io.plugboard.host.internal.secrets.SealedSettings;
import io.plugboard.host.internal.secrets.SecretService;
import io.plugboard.host.internal.settings.SettingsService;
import io.plugboard.host.internal.storage.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine, built on the {@link Foundation} and not yet started: plugin contributions, the outbound guard,
 * secrets and payload formats, the event service, the delivery engine, inbound webhooks, the plugins and their
 * repository, and the applications, webhooks and portal links they serve. {@link HostRuntime} starts it.
 */
final class EngineParts {

    private static final Logger log = LoggerFactory.getLogger(EngineParts.class);
    /** How often each instance looks for a plugin version chosen on another one. */
    private static final Duration REPOSITORY_RECONCILE = Duration.ofSeconds(5);
    /** A repository's answer: connecting and the whole body each within this, an index at most 8 MiB, used 60 s. */
    private static final Duration REPOSITORY_TIMEOUT = Duration.ofSeconds(20);
    private static final long REPOSITORY_MAX_INDEX_BYTES = 8L * 1024 * 1024;
    private static final Duration REPOSITORY_CACHE = Duration.ofSeconds(60);

    final Contributions contributions;
    final DeliveryMetrics metrics;
    final Inboxes inspector;
    final InboxPurge inboxPurge;
    final TargetGuard guard;
    final SecretService secrets;
    final PayloadValidator payloadCheck;
    final OutboundCatalog catalog;
    final EventMinutes eventMinutes;
    final EventService events;
    final DeliveryEngine delivery;
    final ReceiverRegistry receivers;
    final InboundServices inbound;
    final PluginService plugins;
    final RepositoryService repository;
    final RepositoryWorker repositoryWorker;
    final Applications apps;
    final WebhookService webhooks;
    final PortalLinks portalLinks;

    EngineParts(HostConfig config, Foundation base, Closing closing) {
        Database db = base.db;
        Clock clock = base.clock;
        ObjectMapper apiMapper = base.apiMapper;
        HookRunner hooks = base.hooks;
        contributions = new Contributions(hooks, new SettingsService(db.jdbi(), base.sealed, clock), new PluginPages(),
                new PluginTemplates(), new PluginRoutes());
        JobLeases jobs = new JobLeases(db.jdbi(), base.instances.id(), clock);
        // A one-instance plugin task moves to another instance within the lease the instances' heartbeats use.
        TaskScheduler tasks = new TaskScheduler(clock, jobs, config.delivery().leaseDuration());
        PluginFields pluginFields = new PluginFields(hooks, db.jdbi(), base.sealed);
        PluginContributions pluginParts = new PluginContributions(contributions, tasks, db.dataSource(), pluginFields);
        WebhookStore webhookStore = new WebhookStore(db.jdbi(), new SealedSettings(base.sealed, apiMapper));
        Destinations destinations = new Destinations();
        metrics = new DeliveryMetrics(db.jdbi(), clock::instant);
        inspector = new Inboxes(db.jdbi(), apiMapper, clock);
        inboxPurge = closing.closing(new InboxPurge(inspector, jobs, base.workers));
        guard = new TargetGuard(config.targets().allowPrivate(), config.targets().allowed(), inspector::isOwnInboxUrl);
        guard.relaxedNotice().ifPresent(log::warn);
        secrets = closing.closing(new SecretService(db.jdbi(), apiMapper, base.secretsKey, clock));
        PayloadFormats formats = PayloadFormats.builtIn(apiMapper, new PayloadTemplates(apiMapper, config.templates()),
                config.site().name());
        // A request reads the secrets of its webhook's application only; a check knows that application's names.
        Payloads payloads = new Payloads(formats, secrets::value);
        payloadCheck = new PayloadValidator(formats, base.registry, secrets::names);
        catalog = new OutboundCatalog(destinations, formats);
        eventMinutes = closing.closing(new EventMinutes(db.jdbi(), base.workers));
        events = new EventService(base.registry, db.groupCommit(), new OutboxWriter(base.ids, new FilterCache(), apiMapper),
                new EmittedEvents(metrics, eventMinutes, this::wakeDispatcher, hooks), apiMapper, base.ids, clock,
                config.plugins().rejectInvalidEventData(), hooks, base.tracing);
        OperationalEvents ops = new OperationalEvents(events, apiMapper, config.operational());
        delivery = new DeliveryEngine(db, webhookStore, guard, config.delivery(), metrics,
                apiMapper, base.ids, clock, config.site().hostVersion(), payloads, new InboxDelivery(inspector), hooks,
                base.hookThread, base.instances.id(), jobs, base.workers, destinations, catalog, ops,
                base.tracing, config.outboundProxy(), secrets::value);

        InboundStore inboundStore = new InboundStore(db.jdbi(), apiMapper, base.sealed, clock);
        // Inbound webhooks in AUTO mode follow the version of a receiver's plugin when it starts.
        receivers = new ReceiverRegistry(this::pluginVersion, inboundStore::followVersion);
        InboundRequestLog inboundRequests = new InboundRequestLog(db.jdbi(), ops);
        inbound = new InboundServices(new InboundService(inboundStore, inboundRequests, receivers, base.ids, clock),
                new InboundReceiving(inboundStore, inboundRequests, receivers, events, db.jdbi(), apiMapper, base.ids,
                        clock, config.web().maxRequestBytes(), hooks),
                new ReceivedEvents(db.jdbi()));

        PluginConfig.Sources sources = config.plugins().sources();
        PluginOptions pluginOptions = new PluginOptions(config.plugins().dir(), config.dataDir().resolve("plugin-copies"),
                config.plugins().developmentDirs(), config.site().hostVersion(), config.plugins().watch(),
                Duration.ofMillis(250), config.plugins().maxJarBytes(), config.plugins().timeLimits(),
                PluginTrust.load(sources.trustedKeys(), sources.requireSigned()));
        // Migrations run before a plugin's contributions open, so a failed migration fails its start.
        plugins = closing.closing(new PluginService(pluginOptions, db.jdbi(), clock, base.registry, base.compiler,
                source -> new SourceEmitter(events, base.dataMapper, source),
                source -> new SourceTransactions(db.jdbi(), events, base.dataMapper, source), pluginParts::partsFor,
                List.of(new PluginMigrations(db.jdbi(), db.dataSource(), clock), pluginParts, receivers,
                        new OutboundExtensions(destinations, formats, delivery::webhooksChanged),
                        new ForgetUninstalled(db.jdbi(), clock), new PluginOpsEvents(ops)), base.workers));
        RepositoryOptions repositoryOptions = new RepositoryOptions(sources.repositories(),
                config.dataDir().resolve("plugin-downloads"), sources.autoUpdate(), sources.updateCheckInterval(),
                REPOSITORY_RECONCILE, new RepositoryOptions.Limits(REPOSITORY_TIMEOUT, REPOSITORY_MAX_INDEX_BYTES,
                        config.plugins().maxJarBytes(), REPOSITORY_CACHE));
        repository = new RepositoryService(repositoryOptions, plugins, db.jdbi(), base.ids, clock, base.instances.id());
        // Closed before the plugins: a download or install under way ends first.
        repositoryWorker = closing.closing(new RepositoryWorker(repository, repositoryOptions, jobs, clock,
                base.workers.periodic("plugin-repository", "plugboard-plugin-repository")));
        // Closed before the plugins stop: queued delivery hooks still reach their callbacks.
        closing.closing(base.hookThread);
        closing.closing(tasks);
        WebhookValidator webhookCheck = new WebhookValidator(base.registry, guard, payloadCheck, destinations,
                secrets::names);
        apps = new Applications(db.jdbi(), apiMapper, base.ids, clock);
        webhooks = new WebhookService(webhookStore, webhookCheck, new SigningSecrets(), base.ids, clock, hooks,
                delivery::webhooksChanged, pluginFields, ops, apps);
        portalLinks = new PortalLinks(db.jdbi(), clock);
    }

    /** Before the engine is built nothing is emitted: no plugin runs yet, and the API does not answer. */
    private void wakeDispatcher() {
        if (delivery != null) {
            delivery.wake();
        }
    }

    private Optional<String> pluginVersion(String pluginId) {
        return plugins.reports().stream().filter(r -> r.id().equals(pluginId)).map(PluginReport::version).findFirst();
    }
}
