package io.plugboard.host.internal.webhooks;

import io.plugboard.host.internal.Ids;
import io.plugboard.host.internal.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Creates, changes and removes webhooks; all input passes the {@link WebhookValidator} first. */
public final class WebhookService {

    private final WebhookStore store;
    private final WebhookValidator validator;
    private final Secrets secrets;
    private final Ids ids;
    private final Clock clock;

    public WebhookService(WebhookStore store, WebhookValidator validator, Secrets secrets, Ids ids, Clock clock) {
        this.store = store;
        this.validator = validator;
        this.secrets = secrets;
        this.ids = ids;
        this.clock = clock;
    }

    public Webhook create(WebhookDraft draft) {
        WebhookDraft d = validator.validate(draft);
        Instant now = clock.instant();
        Webhook w = new Webhook(ids.next("wh"), d.name(), d.url(), d.events(), d.enabled(), d.token(),
                secrets.newSigningSecret(), now, now, 0, 0, null, null, null, null, null, null, null);
        store.insert(w);
        return w;
    }

    public Webhook update(String id, WebhookChanges changes) {
        Webhook current = get(id);
        WebhookDraft d = validator.validate(changes.applyTo(current.toDraft()), Set.copyOf(current.events()),
                current.url());
        if (!store.update(id, d, clock.instant())) {
            throw notFound(id);
        }
        return get(id);
    }

    public Webhook setEnabled(String id, boolean enabled) {
        return update(id, new WebhookChanges(null, null, null, enabled, false, null));
    }

    /**
     * Gives the webhook a new signing secret; the old one keeps signing alongside it for {@code overlap},
     * so receivers can switch without missing a delivery.
     */
    public Webhook rotateSecret(String id, Duration overlap) {
        Instant now = clock.instant();
        if (!store.rotateSecret(id, secrets.newSigningSecret(), now.plus(overlap), now)) {
            throw notFound(id);
        }
        return get(id);
    }

    public void delete(String id) {
        if (!store.delete(id)) {
            throw notFound(id);
        }
    }

    public Webhook get(String id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    public Optional<Webhook> find(String id) {
        return store.find(id);
    }

    public WebhookPage search(WebhookQuery query) {
        return store.search(query);
    }

    public String newToken() {
        return secrets.newToken();
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no webhook has the id '" + id + "'");
    }
}
