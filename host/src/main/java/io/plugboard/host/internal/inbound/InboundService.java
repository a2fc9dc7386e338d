package io.plugboard.host.internal.inbound;

import static io.plugboard.host.internal.inbound.InboundChecks.collect;

import io.plugboard.host.internal.common.DefaultApp;
import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.common.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Managing inbound webhooks: create (a fresh access key), search, rename, change settings (checked as
 * plugin settings are, then by the receiver's {@code verify}), enable and disable, rotate the key,
 * upgrade the recorded receiver version, delete. Each inbound webhook belongs to one application: the methods
 * taking an application's id find only its inbound webhooks (another's is not found); the others act on the
 * default application's (the admin's).
 */
public final class InboundService {

    private final InboundStore store;
    private final InboundRequestLog requests;
    private final ReceiverRegistry receivers;
    private final ReceiverSettings settings;
    private final Ids ids;
    private final Clock clock;

    /** @param requests the recent refused requests, listed by {@link #errors} */
    public InboundService(InboundStore store, InboundRequestLog requests, ReceiverRegistry receivers, Ids ids, Clock clock) {
        this.store = store;
        this.requests = requests;
        this.receivers = receivers;
        this.settings = new ReceiverSettings();
        this.ids = ids;
        this.clock = clock;
    }

    public ReceiverRegistry receivers() {
        return receivers;
    }

    /** Creates an inbound webhook of the default application. */
    public CreatedKey create(InboundDraft draft) {
        return create(DefaultApp.ID, draft);
    }

    /**
     * @param app the application's id: the events the inbound webhook receives are emitted for it
     * @throws ValidationException naming each field to fix; nothing is stored then
     */
    public CreatedKey create(String app, InboundDraft draft) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = collect(errors, () -> InboundChecks.name(draft.name()));
        InboundWebhook.UpgradeMode mode = collect(errors,
                () -> InboundChecks.mode(draft.upgradeMode(), InboundWebhook.UpgradeMode.AUTO));
        AvailableReceiver receiver = collect(errors, () -> InboundChecks.receiver(receivers, draft.receiverId()));
        Map<String, String> values = receiver == null ? null : collect(errors, () -> settings.apply(receiver, Map.of(),
                draft.settings() == null ? Map.of() : draft.settings(), false));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String key = AccessKeys.next();
        Instant now = clock.instant();
        InboundWebhook created = new InboundWebhook(ids.next("inb"), name, receiver.id(), receiver.pluginId(),
                receiver.pluginVersion(), mode, values, AccessKeys.hash(key), AccessKeys.prefix(key),
                InboundWebhook.State.ENABLED, now, now, now, new InboundWebhook.Stats(0, 0, 0, 0, null), app);
        store.insert(created);
        return new CreatedKey(created, key);
    }

    /** @throws NotFoundException if the default application has none with this id */
    public InboundWebhook get(String id) {
        return get(DefaultApp.ID, id);
    }

    /** @throws NotFoundException if the application has none with this id */
    public InboundWebhook get(String app, String id) {
        return store.find(app, id).orElseThrow(() -> new NotFoundException("no inbound webhook with id '" + id + "'"));
    }

    public InboundPage search(InboundQuery query) {
        return search(DefaultApp.ID, query);
    }

    public InboundPage search(String app, InboundQuery query) {
        return store.search(app, query);
    }

    public InboundWebhook update(String id, InboundChanges changes) {
        return update(DefaultApp.ID, id, changes);
    }

    /** @throws ValidationException naming each field to fix; nothing is stored then */
    public InboundWebhook update(String app, String id, InboundChanges changes) {
        InboundWebhook w = get(app, id);
        Map<String, String> errors = new LinkedHashMap<>();
        String name = changes.name() == null ? w.name() : collect(errors, () -> InboundChecks.name(changes.name()));
        InboundWebhook.UpgradeMode mode = collect(errors, () -> InboundChecks.mode(changes.upgradeMode(), w.upgradeMode()));
        Map<String, String> values = changes.settings() == null ? w.settings() : collect(errors, () -> {
            AvailableReceiver receiver = receivers.find(w.receiverId()).orElseThrow(() -> ValidationException.of("settings",
                    "the settings cannot be checked while the receiver '" + w.receiverId() + "' is not available: "
                            + "activate the plugin '" + w.pluginId() + "' first"));
            return settings.apply(receiver, w.settings(), changes.settings(), changes.wholeForm());
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return save(w, name, values, mode, w.pluginVersion(), w.state());
    }

    public InboundWebhook setState(String id, InboundWebhook.State state) {
        return setState(DefaultApp.ID, id, state);
    }

    public InboundWebhook setState(String app, String id, InboundWebhook.State state) {
        InboundWebhook w = get(app, id);
        return w.state() == state ? w : save(w, w.name(), w.settings(), w.upgradeMode(), w.pluginVersion(), state);
    }

    /** A new access key; the old one stops working at once. */
    public CreatedKey rotateKey(String id) {
        return rotateKey(DefaultApp.ID, id);
    }

    /** A new access key; the old one stops working at once. */
    public CreatedKey rotateKey(String app, String id) {
        get(app, id);
        String key = AccessKeys.next();
        store.setKey(id, AccessKeys.hash(key), AccessKeys.prefix(key), clock.instant());
        return new CreatedKey(get(app, id), key);
    }

    /** @throws NotFoundException if the default application has none with this id */
    public void delete(String id) {
        delete(DefaultApp.ID, id);
    }

    /** @throws NotFoundException if the application has none with this id */
    public void delete(String app, String id) {
        if (!store.delete(app, id)) {
            throw new NotFoundException("no inbound webhook with id '" + id + "'");
        }
    }

    /**
     * Runs the receiver's {@code verify} on the stored settings.
     *
     * @return the problems by setting key (empty when the settings are usable), or under {@code receiver}
     *     when the receiver is not available
     */
    public Map<String, String> verify(String id) {
        return verify(DefaultApp.ID, id);
    }

    /** {@link #verify(String)} of one application's inbound webhook. */
    public Map<String, String> verify(String app, String id) {
        InboundWebhook w = get(app, id);
        return receivers.find(w.receiverId()).map(r -> settings.problems(r, w.settings()))
                .orElse(Map.of("receiver", "the receiver '" + w.receiverId() + "' is not available: the plugin '"
                        + w.pluginId() + "' is not active"));
    }

    /** @return the installed version when it differs from the recorded one (MANUAL mode waits for the admin) */
    public String newerVersion(InboundWebhook w) {
        return receivers.find(w.receiverId()).map(AvailableReceiver::pluginVersion)
                .filter(v -> !v.equals(w.pluginVersion())).orElse(null);
    }

    /**
     * Records the installed receiver version, so a MANUAL inbound webhook accepts requests again.
     *
     * @throws ValidationException if the receiver is not available
     */
    public InboundWebhook upgrade(String id) {
        return upgrade(DefaultApp.ID, id);
    }

    /** {@link #upgrade(String)} of one application's inbound webhook. */
    public InboundWebhook upgrade(String app, String id) {
        InboundWebhook w = get(app, id);
        AvailableReceiver r = receivers.find(w.receiverId()).orElseThrow(() -> ValidationException.of("receiver",
                "the receiver '" + w.receiverId() + "' is not available: activate the plugin '" + w.pluginId() + "'"));
        Map<String, String> problems = settings.problems(r, w.settings());
        if (!problems.isEmpty()) {
            throw new ValidationException(ReceiverSettings.prefixed(problems));
        }
        return save(w, w.name(), w.settings(), w.upgradeMode(), r.pluginVersion(), w.state());
    }

    public List<InboundError> errors(String id, int limit) {
        return errors(DefaultApp.ID, id, limit);
    }

    public List<InboundError> errors(String app, String id, int limit) {
        get(app, id);
        return requests.errors(id, limit);
    }

    private InboundWebhook save(InboundWebhook w, String name, Map<String, String> values, InboundWebhook.UpgradeMode mode,
                                String version, InboundWebhook.State state) {
        Instant now = clock.instant();
        InboundWebhook changed = new InboundWebhook(w.id(), name, w.receiverId(), w.pluginId(), version, mode, values,
                w.keyHash(), w.keyPrefix(), state, w.createdAt(), now, w.keyRotatedAt(), w.stats(), w.appId());
        store.update(changed, now);
        return changed;
    }
}
