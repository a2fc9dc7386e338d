package io.plugboard.host.internal.payloads;

import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.outbound.PayloadSettings;
import io.plugboard.host.internal.outbound.Webhook;
import java.util.Map;

/**
 * What the request factory asks for: the body in the webhook's format (from {@link PayloadFormats}) and
 * its custom headers, with the secrets they refer to.
 */
public final class Payloads {

    private final PayloadFormats formats;
    private final AppSecretLookup secrets;

    /** @return the registry of formats this renders with */
    public PayloadFormats formats() {
        return formats;
    }

    /** @param secrets the secrets store, read when a request is built (the webhook's application's secrets) */
    public Payloads(PayloadFormats formats, AppSecretLookup secrets) {
        this.formats = formats;
        this.secrets = secrets;
    }

    /**
     * @param app the id of the application of the webhook the request is for: the only secrets it reads
     * @return a recorder of the secrets one request uses, to mask them wherever the request is shown
     */
    public UsedSecrets forRequest(String app) {
        return new UsedSecrets(secrets.in(app));
    }

    /** @return whether building a request with these settings may read secrets (its format or custom headers) */
    public boolean readsSecrets(PayloadSettings p) {
        return !p.headers().isEmpty() || formats.get(p.format()).readsSecrets();
    }

    /**
     * @param event the event, its data already through the outgoing-payload filters
     * @param used where secrets come from; may be null when {@link #readsSecrets} is false
     * @throws TemplateProblem if the settings cannot render this event
     */
    public RenderedBody body(Webhook w, StoredEvent event, UsedSecrets used) {
        return formats.get(w.settings().payload().format()).render(RenderRequest.of(w, event, used));
    }

    /** @return the custom headers with secrets filled in, without Content-Type */
    public Map<String, String> headers(PayloadSettings p, UsedSecrets used) {
        return CustomHeaders.resolve(p.headers(), used);
    }
}
