package io.plugboard.host.internal.inbound;

import java.util.Map;

/**
 * A change to an inbound webhook; null fields stay as they are.
 *
 * @param settings the settings to change (absent keys keep their values; a secret sent blank or masked
 *     keeps its value; a null value removes one)
 * @param wholeForm true when the settings come from the whole admin form (an unticked checkbox is false)
 */
public record InboundChanges(String name, Map<String, String> settings, String upgradeMode, boolean wholeForm) {}
