package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookDestination;
import io.plugboard.host.internal.payloads.OutboundCatalog;
import io.plugboard.host.internal.payloads.PayloadFormats;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The "Where to" part of the webhook form: the HTTP endpoint or a plugin's destination. Without
 * JavaScript it is two steps: step 1 lists the choices (a GET form, {@code ?destination=<id>}), step 2 is
 * the form with the chosen destination's fields ({@code destination.settings.<key>}) or the URL for HTTP.
 */
final class WhereTo {

    static final String NAME_PREFIX = "destination.settings.";
    static final String ID_PREFIX = "ds-";

    /** One choice of step 1. */
    record Choice(String id, String label, String description, String provider, boolean builtIn, boolean checked) {}

    /**
     * The destination of step 2.
     *
     * @param available false when the webhook's destination plugin is not active (its settings are then
     *     unknown and kept as they are)
     */
    record Chosen(String id, String label, String description, boolean http, boolean available,
                  List<SettingField> settings) {}

    private final OutboundCatalog catalog;

    WhereTo(OutboundCatalog catalog) {
        this.catalog = catalog;
    }

    /** @return true when there is something to choose besides HTTP */
    boolean hasChoice() {
        return catalog.destinations().size() > 1;
    }

    Optional<OutboundCatalog.Entry> find(String id) {
        return id == null || id.isBlank() ? Optional.empty() : catalog.destination(id.strip());
    }

    List<Choice> choices(String checked) {
        return catalog.destinations().stream().map(e -> new Choice(e.id(), e.label(), e.description(), e.provider(),
                PayloadFormats.HOST.equals(e.provider()), e.id().equals(checked))).toList();
    }

    /**
     * @param values the settings to show (stored ones masked, or as typed)
     */
    Chosen chosen(OutboundCatalog.Entry e, Map<String, String> values, Map<String, String> errors) {
        return new Chosen(e.id(), e.label(), e.description(), WebhookDestination.HTTP_TYPE.equals(e.id()), true,
                DeclaredFields.fields(e.settings(), NAME_PREFIX, ID_PREFIX, values, errors, NAME_PREFIX));
    }

    /** @return the webhook's own destination as stored, with its settings as they may be shown */
    Chosen current(Webhook w, Map<String, String> errors) {
        String type = w.settings().destination().type();
        return find(type).map(e -> chosen(e, catalog.shownDestinationSettings(w), errors))
                .orElseGet(() -> new Chosen(type, type, "", false, false, List.of()));
    }

    /** @return the destination the form sent ({@code destination} and its settings); HTTP when none is named */
    WebhookDestination read(Context ctx) {
        String type = ctx.formParam("destination");
        if (type == null || type.isBlank() || WebhookDestination.HTTP_TYPE.equals(type.strip())) {
            return WebhookDestination.HTTP;
        }
        return new WebhookDestination(type.strip(), find(type)
                .map(e -> DeclaredFields.input(ctx, NAME_PREFIX, e.settings())).orElse(Map.of()));
    }

    /** @return step 2 shown again after a refusal: the typed values, secrets only as stored */
    Chosen retyped(WebhookDestination typed, Webhook existing, Map<String, String> errors) {
        Optional<OutboundCatalog.Entry> entry = find(typed.type());
        if (entry.isEmpty()) {
            return existing != null ? current(existing, errors) : new Chosen(typed.type(), typed.type(), "", false, false, List.of());
        }
        boolean sameAsStored = existing != null && existing.settings().destination().type().equals(typed.type());
        Map<String, String> stored = sameAsStored ? catalog.shownDestinationSettings(existing) : Map.of();
        return chosen(entry.get(), DeclaredFields.retyped(entry.get().settings(), typed.settings(), stored), errors);
    }

    /** @return the target line of a saved webhook: its URL, or its destination and what it says of it */
    String target(Webhook w) {
        return catalog.target(w);
    }
}
