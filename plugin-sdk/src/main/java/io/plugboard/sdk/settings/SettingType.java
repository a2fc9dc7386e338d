package io.plugboard.sdk.settings;

/** The kinds of setting the host can render and check. */
public enum SettingType {
    /** One line of text, at most 2,000 characters. */
    STRING,
    /** Several lines of text, at most 20,000 characters. */
    TEXT,
    /** A whole number (a Java {@code long}), optionally within a minimum and maximum. */
    INTEGER,
    /** On or off. */
    BOOLEAN,
    /** An absolute {@code http} or {@code https} URL. */
    URL,
    /** One of a fixed list of values. */
    CHOICE
}
