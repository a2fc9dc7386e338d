package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.payloads.OutboundCatalog;
import io.plugboard.host.internal.payloads.PayloadFormats;
import java.util.List;
import java.util.Map;

/**
 * The format part of the webhook form: every format of the catalog in the select, and a fieldset for
 * each format that declares settings. Without JavaScript the form cannot show only the chosen format's
 * fields, so all are there, each fieldset named by its format; only the chosen format's are read, and its
 * errors ({@code format_settings.<key>}) are shown at its fields.
 */
final class FormatFields {

    /** One choice of the format select. */
    record Choice(String id, String label, boolean selected) {}

    /** The settings of one format, as a fieldset. */
    record Group(String id, String label, boolean chosen, List<SettingField> settings) {}

    private static final String ERROR_PREFIX = "format_settings.";

    private final OutboundCatalog catalog;

    FormatFields(OutboundCatalog catalog) {
        this.catalog = catalog;
    }

    /** @return every format of the catalog; a selected one that is not installed (its plugin inactive) too, so saving keeps it */
    List<Choice> choices(String selected) {
        List<Choice> out = new java.util.ArrayList<>(catalog.formats().stream()
                .map(f -> new Choice(f.id(), f.label(), f.id().equals(selected))).toList());
        if (catalog.format(selected).isEmpty()) {
            out.add(new Choice(selected, selected + " (format unavailable)", true));
        }
        return out;
    }

    /** @param existing the saved webhook (its stored secrets are shown masked), or null */
    List<Group> groups(PayloadFields payload, Webhook existing, Map<String, String> errors) {
        // The built-in formats' settings have fields of their own (the template); only plugin formats' are generated.
        return catalog.formats().stream().filter(f -> !f.settings().isEmpty() && !PayloadFormats.HOST.equals(f.provider()))
                .map(f -> {
            boolean chosen = f.id().equals(payload.format());
            boolean stored = existing != null && existing.settings().payload().format().equals(f.id());
            Map<String, String> shownStored = stored ? catalog.shownFormatSettings(existing) : Map.of();
            Map<String, String> values = chosen ? DeclaredFields.retyped(f.settings(), payload.formatSettings(), shownStored)
                    : shownStored;
            String idPrefix = "fs-" + f.id() + "-";
            return new Group(f.id(), f.label(), chosen, DeclaredFields.fields(f.settings(), PayloadFields.namePrefix(f.id()),
                    idPrefix, values, chosen ? errors : Map.of(), ERROR_PREFIX));
        }).toList();
    }
}
