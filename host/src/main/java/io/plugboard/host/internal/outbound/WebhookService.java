package io.plugboard.host.internal.outbound;

import io.plugboard.host.internal.apps.Application;
import io.plugboard.host.internal.apps.Applications;
import io.plugboard.host.internal.common.DefaultApp;
import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.events.OperationalEvents;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.host.internal.outbound.SigningSecrets;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookChanges;
import io.plugboard.host.internal.outbound.WebhookSettings;
import io.plugboard.host.internal.outbound.WebhookPage;
import io.plugboard.host.internal.outbound.WebhookQuery;
import io.plugboard.sdk.hooks.ActionHook;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.WebhookInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates, changes and removes webhooks; all input passes the {@link WebhookValidator} first. Each
 * change, once stored, fires its core hook ({@code webhook_created}, {@code _updated}, {@code _deleted}; before
 * {@code _updated}: {@code _enabled} or {@code _disabled} when it was switched, {@code _secret_rotated}).
 * Turning a webhook off writes the operational event {@code webhook_disabled} in the same transaction.
 */
public final class WebhookService {

    private final WebhookStore store;
    private final WebhookValidator validator;
    private final SigningSecrets secrets;
    private final Ids ids;
    private final Clock clock;
    private final HookRunner hooks;
    private final Runnable changed;
    private final PluginFields pluginFields;
    private final OperationalEvents ops;
    private final Applications apps;

    /**
     * @param changed told after every stored change, e.g. so the dispatcher reads the webhooks again
     * @param pluginFields the fields plugins add to the webhook form, checked and stored with each save; null for none
     * @param ops where {@code webhook_disabled} is written when an admin turns a webhook off; null for none
     * @param apps checks each application's allowed event types on every save; null (tests) allows every type
     */
    public WebhookService(WebhookStore store, WebhookValidator validator, SigningSecrets secrets, Ids ids, Clock clock,
                          HookRunner hooks, Runnable changed, PluginFields pluginFields, OperationalEvents ops,
                          Applications apps) {
        this.pluginFields = pluginFields;
        this.ops = ops;
        this.apps = apps;
        this.hooks = hooks;
        this.changed = changed;
        this.store = store;
        this.validator = validator;
        this.secrets = secrets;
        this.ids = ids;
        this.clock = clock;
    }

    /** Creates a webhook of the default application. */
    public Webhook create(WebhookSettings draft) {
        return create(DefaultApp.ID, draft, Map.of(), new FieldInput(Map.of(), false));
    }

    /** Creates a webhook of the default application; @param earlier problems the caller found already */
    public Webhook create(WebhookSettings draft, Map<String, String> earlier) {
        return create(DefaultApp.ID, draft, earlier, new FieldInput(Map.of(), false));
    }

    /**
     * @param fields the values of the plugins' webhook form fields; every active plugin's fields are checked
     *     (required ones must be given) and stored in the webhook's transaction
     */
    public Webhook create(String app, WebhookSettings draft, Map<String, String> earlier, FieldInput fields) {
        PluginFields.Checked checked = pluginFields == null ? null : pluginFields.check(null, fields.values(), true,
                fields.wholeForm());
        WebhookSettings d = validator.validate(app, draft, allowedIn(app, draft.events(), withFieldErrors(earlier, checked)));
        Instant now = clock.instant();
        Webhook w = new Webhook(ids.next("wh"), d, WebhookSecrets.of(secrets.newSigningSecret()), WebhookStats.NONE,
                now, now, app);
        store.insert(w, (h, id) -> {
            if (checked != null) {
                checked.write(h, id);
            }
        });
        fire(CoreHooks.WEBHOOK_CREATED, w);
        return w;
    }

    /** Changes a webhook of the default application. */
    public Webhook update(String id, WebhookChanges changes) {
        return update(DefaultApp.ID, id, changes, Map.of(), new FieldInput(Map.of(), false));
    }

    /** Changes a webhook of the default application; @param earlier problems the caller found already */
    public Webhook update(String id, WebhookChanges changes, Map<String, String> earlier) {
        return update(DefaultApp.ID, id, changes, earlier, new FieldInput(Map.of(), false));
    }

    /**
     * @param fields the values of the plugins' webhook form fields: from a form ({@code wholeForm}) every active
     *     plugin's are checked, from the API only the plugins given; stored in the webhook's transaction
     */
    public Webhook update(String app, String id, WebhookChanges changes, Map<String, String> earlier, FieldInput fields) {
        Webhook current = get(app, id);
        PluginFields.Checked checked = pluginFields == null ? null : pluginFields.check(id, fields.values(),
                fields.wholeForm(), fields.wholeForm());
        WebhookSettings applied = changes.applyTo(current.settings());
        WebhookSettings d = validator.validateChange(applied, current,
                allowedIn(app, changes.events() == null ? List.of() : applied.events(), withFieldErrors(earlier, checked)));
        boolean turnedOff = current.enabled() && !d.enabled() && ops != null;
        List<StoredEvent> told = new ArrayList<>(1);
        boolean stored = store.update(id, d, clock.instant(), (h, w) -> {
            if (checked != null) {
                checked.write(h, w);
            }
            if (turnedOff) {
                told.clear();
                told.add(adminDisabled(h.getConnection(), w));
            }
        });
        if (pluginFields != null) {
            pluginFields.forget(id);
        }
        if (!stored) {
            throw notFound(id);
        }
        if (turnedOff) {
            ops.announce(told.stream().filter(Objects::nonNull).toList());
        }
        Webhook now = get(app, id);
        if (now.enabled() != current.enabled()) {
            OnOffHooks.switched(hooks, now);
        }
        return fire(CoreHooks.WEBHOOK_UPDATED, now);
    }

    private StoredEvent adminDisabled(Connection c, String webhookId) {
        try {
            return ops.webhookDisabled(c, webhookId, "admin", "turned off by an admin");
        } catch (SQLException e) {
            throw new IllegalStateException("could not write webhook_disabled for " + webhookId, e);
        }
    }

    public Webhook setEnabled(String app, String id, boolean enabled) {
        return update(app, id, new WebhookChanges(null, null, null, enabled, false, null), Map.of(),
                new FieldInput(Map.of(), false));
    }

    /**
     * Gives the webhook a new signing secret; the old one keeps signing alongside it for {@code overlap},
     * so receivers can switch without missing a delivery.
     */
    public Webhook rotateSecret(String app, String id, Duration overlap) {
        get(app, id);
        Instant now = clock.instant();
        if (!store.rotateSecret(id, secrets.newSigningSecret(), now.plus(overlap), now)) {
            throw notFound(id);
        }
        Webhook rotated = get(app, id);
        if (hooks.has(CoreHooks.WEBHOOK_SECRET_ROTATED)) {
            hooks.doAction(CoreHooks.WEBHOOK_SECRET_ROTATED, info(rotated));
        }
        return fire(CoreHooks.WEBHOOK_UPDATED, rotated);
    }

    public void delete(String app, String id) {
        Webhook gone = get(app, id);
        if (!store.delete(id)) {
            throw notFound(id);
        }
        if (pluginFields != null) {
            pluginFields.forget(id); // its rows went with it (ON DELETE CASCADE)
        }
        fire(CoreHooks.WEBHOOK_DELETED, gone);
    }

    /** @return the fields plugins add to the webhook form, or null when this host stores none */
    public PluginFields pluginFields() {
        return pluginFields;
    }

    /**
     * @param app the application asking, by id: another application's webhook is not found, as if it did not exist
     * @throws NotFoundException naming the id
     */
    public Webhook get(String app, String id) {
        return store.find(id).filter(w -> w.appId().equals(app)).orElseThrow(() -> notFound(id));
    }

    /** @return the webhook whatever its application: for the host's own use, never for a caller's id */
    public Optional<Webhook> find(String id) {
        return store.find(id);
    }

    /** @return the application's webhooks that match the query */
    public WebhookPage search(String app, WebhookQuery query) {
        return store.search(query.inApp(app));
    }

    public String newToken() {
        return secrets.newToken();
    }

    /**
     * The values given for plugins' webhook form fields.
     *
     * @param values plugin id → key → value
     * @param wholeForm true from the admin's form (every active plugin's fields were sent; an absent box is off)
     */
    public record FieldInput(Map<String, Map<String, String>> values, boolean wholeForm) {}

    /** @return the earlier problems, with one for each event type the application may not subscribe to */
    private Map<String, String> allowedIn(String app, List<String> events, Map<String, String> earlier) {
        if (apps == null || events == null || events.isEmpty()) {
            return earlier;
        }
        Application a = apps.get(app);
        List<String> refused = events.stream().filter(e -> e != null && !a.allows(e)).toList();
        if (refused.isEmpty()) {
            return earlier;
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(earlier);
        all.putIfAbsent("events", "application '" + a.uid() + "' may not subscribe to " + String.join(", ", refused)
                + " (allowed: " + a.allowedEventTypes() + ")");
        return all;
    }

    private static Map<String, String> withFieldErrors(Map<String, String> earlier, PluginFields.Checked checked) {
        if (checked == null || checked.errors().isEmpty()) {
            return earlier;
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(earlier);
        all.putAll(checked.errors());
        return all;
    }

    private Webhook fire(ActionHook<WebhookInfo> hook, Webhook w) {
        changed.run();
        if (hooks.has(hook)) {
            hooks.doAction(hook, info(w));
        }
        return w;
    }

    static WebhookInfo info(Webhook w) {
        return new WebhookInfo(w.id(), w.name(), w.url(), w.events(), w.enabled());
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no webhook has the id '" + id + "'");
    }
}
