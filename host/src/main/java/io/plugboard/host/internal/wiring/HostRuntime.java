package io.plugboard.host.internal.wiring;

import io.plugboard.host.internal.auth.AdminUsers;
import io.plugboard.host.internal.auth.ApiTokens;
import io.plugboard.host.internal.auth.AuthServices;
import io.plugboard.host.internal.auth.LoginThrottle;
import io.plugboard.host.internal.auth.Sessions;
import io.plugboard.host.internal.auth.VerifiedCredentials;
import io.plugboard.host.internal.config.HostConfig;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.host.internal.web.PlugboardRoutes;
import io.plugboard.sdk.hooks.ActionHook;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.HostInfo;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started host: builds the parts in order and takes them down in reverse. The wiring package is the only place
 * that knows every part; each part gets what it needs through its constructor. What is built where:
 * {@link Foundation} (database, instance, event types, hooks), {@link EngineParts} (events, delivery, inbound,
 * plugins, the services of applications and webhooks), {@link WebRoutes} (what is served), {@link Serving} (where),
 * and {@link HostOperations}, what the facade calls. Every part that needs closing goes to {@link #closing} as it
 * is built or started, in this order, so the order of this class's steps is the close order backwards.
 */
public final class HostRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HostRuntime.class);

    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private HostConfig config;
    private HookRunner hooks;
    private String instanceId;
    private HostOperations operations;
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
        Foundation base = new Foundation(config, this::closing);
        hooks = base.hooks;
        instanceId = base.instances.id();
        EngineParts engine = new EngineParts(config, base, this::closing);
        VerifiedCredentials verifiedBasic = new VerifiedCredentials(base.clock);
        AuthServices auth = new AuthServices(
                new AdminUsers(base.db.jdbi(), base.db.dialect(), base.ids, base.clock, config.admin().passwordHashing()),
                new Sessions(base.db.jdbi(), base.clock, config.admin().sessionIdleTimeout()),
                new ApiTokens(base.db.jdbi(), base.ids, base.clock),
                new LoginThrottle(base.clock, verifiedBasic::forget), verifiedBasic);
        if (config.admin().passwordHashing().weakened()) {
            log.warn("Passwords are hashed with {}: cheap to crack, meant for tests only", config.admin().passwordHashing());
        }
        InitialAdmin.create(config.admin(), auth.users());
        PlugboardRoutes served = WebRoutes.served(config, base, engine, auth);

        // Deliveries start before plugins, so events plugins emit while starting go out at once;
        // the engine closes before the plugins and the database, draining what is in flight.
        engine.delivery.start();
        closing(engine.delivery);
        engine.eventMinutes.start();
        engine.inboxPurge.start();
        engine.plugins.start();
        engine.repositoryWorker.start();
        base.instances.start(engine.plugins::reports);
        engine.plugins.onPublished(base.instances::pluginsChanged);
        Serving serving = new Serving(config, served, base, engine, auth, this::closing);
        operations = new HostOperations(base, engine, serving);
        tellHost(CoreHooks.HOST_STARTED);
    }

    /** @return what the facade calls on the started host */
    public HostOperations operations() {
        return operations;
    }

    private void tellHost(ActionHook<HostInfo> hook) {
        if (hooks != null && hooks.has(hook)) {
            hooks.doAction(hook, new HostInfo(instanceId, config.site().hostVersion()));
        }
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
