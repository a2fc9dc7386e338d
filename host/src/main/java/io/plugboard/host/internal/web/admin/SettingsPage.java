package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.config.HostConfig;
import io.plugboard.host.internal.outbound.TargetGuard;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /admin/settings}: a hub linking the pages that change settings, and the host's facts
 * (version, folders, the outbound guard, the delivery schedule) that are fixed at start.
 */
final class SettingsPage {

    /** A settings page linked from the hub. */
    record Link(String label, String href, String description) {}

    /** One host fact. */
    record Fact(String label, String value) {}

    /** The settings pages; one line each. */
    static final List<Link> LINKS = List.of(
            new Link("API tokens", "/admin/tokens", "Create and revoke tokens for the REST API and /metrics."),
            new Link("Admins", "/admin/admins", "Add and delete the people who can sign in here."),
            new Link("Your account", "/admin/account", "Change your password."));

    private final HostConfig config;
    private final TargetGuard guard;
    private final AdminView view;

    SettingsPage(HostConfig config, TargetGuard guard, AdminView view) {
        this.config = config;
        this.guard = guard;
        this.view = view;
    }

    void show(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("links", LINKS);
        model.put("facts", facts());
        model.put("guardRelaxed", guard.relaxed());
        model.put("guardStatus", guard.relaxedNotice()
                .orElse("On: webhooks may only target public addresses."));
        view.render(ctx, "settings", "settings", "Settings", model);
    }

    private List<Fact> facts() {
        var d = config.delivery();
        return List.of(
                new Fact("Plugboard version", config.site().hostVersion()),
                new Fact("Java", System.getProperty("java.version")),
                new Fact("Data folder", config.dataDir().toAbsolutePath().toString()),
                new Fact("Plugins folder", config.plugins().dir().toAbsolutePath().toString()),
                new Fact("Listening on", (config.web().mounted() ? "the application's server, under " + config.web().basePath()
                        : config.web().bindHost()) + (config.web().behindProxy() ? " (behind a proxy)" : "")),
                new Fact("Admin session ends after", words(config.admin().sessionIdleTimeout()) + " idle"),
                new Fact("Retry schedule", d.retrySchedule().stream().map(SettingsPage::words)
                        .collect(Collectors.joining(", "))),
                new Fact("Request timeout", words(d.requestTimeout())),
                new Fact("Delivery log kept for", words(d.retention())));
    }

    private static String words(Duration d) {
        if (d.toMillis() % 86_400_000 == 0 && !d.isZero()) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toMillis() % 3_600_000 == 0 && !d.isZero()) {
            return d.toHours() + " h";
        }
        if (d.toMillis() % 60_000 == 0 && !d.isZero()) {
            return d.toMinutes() + " min";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + " s";
        }
        return d.toMillis() + " ms";
    }
}
