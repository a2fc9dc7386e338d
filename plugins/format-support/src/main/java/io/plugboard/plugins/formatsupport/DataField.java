package io.plugboard.plugins.formatsupport;

/**
 * One field of an event's data as a chat message shows it.
 *
 * @param name its path in the data, e.g. {@code amount} or {@code customer.email}
 * @param value its value as text, not yet cut or escaped
 */
public record DataField(String name, String value) {}
