package io.plugboard.host.internal.payloads;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.events.Envelope;
import io.plugboard.host.internal.outbound.PayloadSettings;
import io.plugboard.host.internal.common.PluginOffers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The payload formats a webhook can choose, by id and in the order the webhook form shows them: the one
 * place that knows which formats exist — the host's built-in ones, then those the active plugins offer
 * ({@link #offer}, until the plugin stops). Given to what renders ({@link Payloads}), checks
 * ({@link PayloadValidator}) and offers them (the webhook form, {@code GET /api/v1/formats}).
 */
public final class PayloadFormats {

    /** Who provides the built-in formats, in listings. */
    public static final String HOST = "plugboard";

    private final Map<String, PayloadFormat> byId = new LinkedHashMap<>();
    private final PluginOffers<PluginFormat> plugins = new PluginOffers<>();

    /**
     * @param formats in display order; one of them must be the default ({@link PayloadSettings#DEFAULT_FORMAT})
     * @throws IllegalArgumentException for two formats with one id, or without the default
     */
    public PayloadFormats(List<PayloadFormat> formats) {
        for (PayloadFormat f : formats) {
            if (byId.putIfAbsent(f.id(), f) != null) {
                throw new IllegalArgumentException("two payload formats with the id " + f.id());
            }
        }
        if (!byId.containsKey(PayloadSettings.DEFAULT_FORMAT)) {
            throw new IllegalArgumentException("no payload format " + PayloadSettings.DEFAULT_FORMAT + " (the default)");
        }
    }

    /** @return the formats built into the host: {@code standard}, {@code cloudevents}, {@code template} */
    public static PayloadFormats builtIn(ObjectMapper mapper, PayloadTemplates templates, String siteName) {
        return new PayloadFormats(List.of(new StandardFormat(new Envelope(mapper)),
                new CloudEventsFormat(siteName), new TemplateFormat(new TemplateBody(templates, mapper))));
    }

    /**
     * Offers a plugin's format until {@link #withdraw} for that plugin.
     *
     * @return empty if offered; else who has the id already ({@link #HOST} or a plugin's id)
     */
    public Optional<String> offer(io.plugboard.sdk.outbound.PayloadFormat format, String pluginId) {
        PluginFormat adapted = PluginFormat.of(format, pluginId);
        if (byId.containsKey(adapted.id())) {
            return Optional.of(HOST);
        }
        return plugins.offer(adapted.id(), pluginId, adapted);
    }

    /** @return the ids of the formats the plugin offered, now gone */
    public List<String> withdraw(String pluginId) {
        return plugins.withdraw(pluginId).stream().map(PluginOffers.Offer::id).toList();
    }

    /** @return every format, in display order: built-in ones first */
    public List<PayloadFormat> all() {
        List<PayloadFormat> all = new ArrayList<>(byId.values());
        plugins.all().forEach(o -> all.add(o.value()));
        return all;
    }

    /** @return the ids, in display order */
    public List<String> ids() {
        return all().stream().map(PayloadFormat::id).toList();
    }

    /** @return the format with the id, if built in or offered by an active plugin */
    public Optional<PayloadFormat> find(String id) {
        PayloadFormat builtIn = byId.get(id);
        return builtIn != null ? Optional.of(builtIn) : plugins.find(id).map(PluginOffers.Offer::value);
    }

    /** @return {@link #HOST} or the id of the plugin that offers the format */
    public String provider(String id) {
        return plugins.find(id).map(PluginOffers.Offer::pluginId).orElse(HOST);
    }

    /** @throws IllegalArgumentException for an id no format has (its plugin stopped: the dispatcher waits for it) */
    public PayloadFormat get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no payload body for format " + id));
    }

    /** @return the ids of the formats whose content type a custom {@code Content-Type} header chooses */
    List<String> choosingContentType() {
        return byId.values().stream().filter(PayloadFormat::contentTypeFromHeaders).map(PayloadFormat::id).toList();
    }
}
