package io.plugboard.host.internal.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.common.Json;
import io.plugboard.host.internal.common.Workers;
import io.plugboard.host.internal.config.HostConfig;
import io.plugboard.host.internal.events.EventTypeCompiler;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.OperationalEvents;
import io.plugboard.host.internal.events.OperationalTypes;
import io.plugboard.host.internal.events.RegisteredEventType;
import io.plugboard.host.internal.hooks.HookExecutor;
import io.plugboard.host.internal.hooks.HookRegistry;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.host.internal.instances.HealthCheck;
import io.plugboard.host.internal.instances.Instances;
import io.plugboard.host.internal.secrets.SealedValues;
import io.plugboard.host.internal.secrets.SecretKeys;
import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.internal.storage.PrivateFiles;
import io.plugboard.host.internal.tracing.Tracing;
import io.plugboard.host.internal.tracing.TracingSettings;
import io.plugboard.sdk.EventType;
import java.time.Clock;
import java.time.Duration;
import javax.crypto.SecretKey;

/**
 * What every other part of a host stands on, built first: the clock, ids, the JSON mappers, the worker threads,
 * tracing, the database with this instance's registration and health, the event types (the operational ones
 * and the application's), the hooks and the key that seals stored secrets.
 */
final class Foundation {

    /** A hook callback that takes longer than this is reported in the log. */
    private static final Duration SLOW_HOOK = Duration.ofMillis(200);

    final Clock clock;
    final Ids ids;
    final ObjectMapper apiMapper;
    final ObjectMapper dataMapper;
    final Workers workers;
    final Tracing tracing;
    final Database db;
    final Instances instances;
    final HealthCheck health;
    final EventTypeRegistry registry;
    final EventTypeCompiler compiler;
    final HookRunner hooks;
    /** The delivery hooks' thread; closed by {@link EngineParts}, once the plugins it calls are in the close order. */
    final HookExecutor hookThread;
    final SecretKey secretsKey;
    final SealedValues sealed;

    Foundation(HostConfig config, Closing closing) {
        // Millisecond ticks: times are stored as epoch millis, so what we return must not be finer.
        clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
        ids = new Ids(clock);
        apiMapper = Json.newMapper();
        dataMapper = Json.newDataMapper();
        workers = new Workers(clock);
        // Closed last: the spans of the final attempts are exported after the deliveries drained.
        tracing = closing.closing(Tracing.of(TracingSettings.ofProcess()));

        PrivateFiles.directory(config.dataDir());
        db = closing.closing(config.appDatabase() != null ? Database.openApp(config.appDatabase())
                : Database.open(config.database(), config.dataDir()));
        db.startCheckpoints(workers);
        instances = closing.closing(new Instances(db.jdbi(),
                config.site().instanceId() != null ? config.site().instanceId() : ids.next("ins"), config.site().hostVersion(),
                config.delivery().leaseDuration().dividedBy(6), clock, workers));
        health = new HealthCheck(instances, workers);
        registry = new EventTypeRegistry();
        compiler = new EventTypeCompiler(apiMapper);
        for (EventType type : OperationalTypes.all()) {
            registry.register(compiler.compile(type, OperationalEvents.SOURCE));
        }
        for (EventType type : config.appEventTypes()) {
            registry.register(compiler.compile(type, RegisteredEventType.APP_SOURCE));
        }
        hooks = new HookRunner(new HookRegistry(), SLOW_HOOK);
        hookThread = new HookExecutor(hooks);
        secretsKey = SecretKeys.load(config.secretsKey(), config.dataDir());
        sealed = new SealedValues(secretsKey);
    }
}
