package io.plugboard.host.internal.inbound;

import java.util.Map;

/**
 * What the admin asks for when creating an inbound webhook.
 *
 * @param upgradeMode null for {@code AUTO}
 * @param settings values by key as entered (null values mean none)
 */
public record InboundDraft(String name, String receiverId, Map<String, String> settings, String upgradeMode) {}
