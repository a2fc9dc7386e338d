package io.plugboard.host.internal.config;

/**
 * Which optional parts of the admin and the API are on; a part that is off registers no route, shows
 * no menu entry or link, and is left out of the OpenAPI document.
 *
 * @param upload uploading plugin jars (the admin's form and {@code POST /api/v1/plugins})
 * @param inspector the request inspector, its pages, API and public inboxes
 * @param inbound inbound webhooks, their pages, API and the public {@code /hooks/in} endpoint
 * @param testConsole a webhook's test console, page and API
 * @param secrets the named secrets' page and API
 */
public record SectionsConfig(boolean upload, boolean inspector, boolean inbound, boolean testConsole, boolean secrets) {

    /** @return every section on, as by default */
    public static SectionsConfig all() {
        return new SectionsConfig(true, true, true, true, true);
    }
}
