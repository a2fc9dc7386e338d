package io.plugboard.host;

/**
 * A part of the admin and the API that an embedding application can turn off with
 * {@link PlugboardBuilder#disableSections}. A section turned off is gone with its routes: its pages and
 * API routes answer 404, its menu entry and the links and buttons leading to it are not shown, and the
 * OpenAPI document leaves its operations out. Everything else works as before.
 */
public enum AdminSection {

    /**
     * Uploading plugin jars: the form on {@code /admin/plugins} and {@code POST /api/v1/plugins}. Plugins
     * still come from the plugins folder and can be activated, deactivated and uninstalled.
     */
    UPLOAD("upload"),

    /**
     * The request inspector: {@code /admin/inspector}, {@code /api/v1/inspector} and the public
     * {@code /inspect/{id}} inboxes.
     */
    INSPECTOR("inspector"),

    /**
     * Inbound webhooks: {@code /admin/inbound}, {@code /admin/received-events}, {@code /api/v1/receivers},
     * {@code /api/v1/inbound-webhooks}, {@code /api/v1/received-events} and the public
     * {@code POST /hooks/in/{id}/{key}}. Receiver plugins still load but receive nothing.
     */
    INBOUND("inbound"),

    /**
     * A webhook's test console (pick an event, edit its payload, send it, see the exchange):
     * {@code /admin/webhooks/{id}/console} and {@code POST /api/v1/webhooks/{id}/console}. "Send test"
     * with the sample payload and the form's preview stay.
     */
    TEST_CONSOLE("test-console"),

    /**
     * The named secrets store's pages and API: {@code /admin/secrets} and {@code /api/v1/secrets}.
     * Secrets stored before stay usable by templates that refer to them.
     */
    SECRETS("secrets");

    private final String key;

    AdminSection(String key) {
        this.key = key;
    }

    /** @return the section's name in configuration ({@code disabled-sections}), e.g. {@code test-console} */
    public String key() {
        return key;
    }

    /**
     * @param key a section's {@link #key()}, in any case
     * @return the section
     * @throws IllegalArgumentException naming the sections there are, for another key
     */
    public static AdminSection ofKey(String key) {
        for (AdminSection section : values()) {
            if (section.key.equalsIgnoreCase(key.strip())) {
                return section;
            }
        }
        StringBuilder known = new StringBuilder();
        for (AdminSection section : values()) {
            known.append(known.isEmpty() ? "" : ", ").append(section.key);
        }
        throw new IllegalArgumentException("'" + key + "' is not an admin section; the sections are " + known);
    }
}
