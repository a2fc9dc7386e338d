package io.plugboard.plugins.formatsupport;

import java.util.List;

/**
 * The fields chosen for a message.
 *
 * @param shown the fields to show, in order
 * @param omitted how many more there were beyond the format's limit (worth a "+N more" note)
 */
public record PickedFields(List<DataField> shown, int omitted) {

    /** Copies the list. */
    public PickedFields {
        shown = List.copyOf(shown);
    }
}
