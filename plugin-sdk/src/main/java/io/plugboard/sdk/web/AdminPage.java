package io.plugboard.sdk.web;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A page of a plugin in the admin, at {@code /admin/plugins/<plugin id>/<name>}, rendered from a
 * Handlebars template in the plugin's jar inside the host's layout. Every {@code {{value}}} is
 * HTML-escaped; the model also holds {@code csrf}, the token a form must send as {@code _csrf}, and
 * {@code pluginId}, and {@code base}, the path the host is mounted under ({@code ""} at the root):
 * write links to other admin pages as {@code href="{{base}}/admin/…"}. A form posts back to the page's own
 * address; {@link Builder#onForm} handles it and answers a {@link FormResult}. After an invalid submit the
 * model also holds {@code form}: {@code form.values} (what was entered, by field) and {@code form.errors}
 * (the message per field); the host puts an error summary above the page.
 */
public final class AdminPage {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final String name;
    private final String title;
    private final String template;
    private final String menuLabel;
    private final Function<PageRequest, Map<String, Object>> model;
    private final Function<PageRequest, FormResult> onForm;

    private AdminPage(Builder b) {
        this.name = b.name;
        this.title = b.title == null ? b.name : b.title;
        this.template = b.template;
        this.menuLabel = b.menuLabel;
        this.model = b.model;
        this.onForm = b.onForm;
    }

    /**
     * @param name the last part of the page's path: 1–64 of {@code a-z 0-9 _ -}
     * @param template the template's path inside the plugin jar, e.g. {@code templates/report.hbs}
     * @return a builder
     */
    public static Builder builder(String name, String template) {
        return new Builder(name, template);
    }

    /** @return the last part of the page's path */
    public String name() { return name; }

    /** @return the page's title */
    public String title() { return title; }

    /** @return the template's path in the jar */
    public String template() { return template; }

    /** @return the label of its admin menu entry, or null for a page without one */
    public String menuLabel() { return menuLabel; }

    /** @return what gives the template its values */
    public Function<PageRequest, Map<String, Object>> model() { return model; }

    /** @return what handles a form posted to the page, or null when it takes none */
    public Function<PageRequest, FormResult> onForm() { return onForm; }

    /** Builds an {@link AdminPage}. */
    public static final class Builder {
        private final String name;
        private final String template;
        private String title;
        private String menuLabel;
        private Function<PageRequest, Map<String, Object>> model = request -> Map.of();
        private Function<PageRequest, FormResult> onForm;

        private Builder(String name, String template) {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a page name is 1-64 of a-z, 0-9, _ and -: " + name);
            }
            this.name = name;
            this.template = Objects.requireNonNull(template, "template");
        }

        /** @param title shown as the page's heading and in the browser's title @return this builder */
        public Builder title(String title) { this.title = title; return this; }

        /** @param label adds an entry to the admin menu with this label @return this builder */
        public Builder menuLabel(String label) { this.menuLabel = label; return this; }

        /**
         * @param model gives the template its values for a request; throw {@link IllegalArgumentException}
         *              to answer 400 with its message
         * @return this builder
         */
        public Builder model(Function<PageRequest, Map<String, Object>> model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * The short form of {@link #onForm}: {@code onForm(r -> FormResult.done(handler.apply(r)))}.
         *
         * @param handler handles a form posted to the page and returns the message shown after the
         *                redirect back to the page (null or blank: none); throw {@link IllegalArgumentException}
         *                to answer 400 with its message
         * @return this builder
         */
        public Builder onSubmit(Function<PageRequest, String> handler) {
            Objects.requireNonNull(handler, "handler");
            return onForm(request -> FormResult.done(handler.apply(request)));
        }

        /**
         * @param handler handles a form posted to the page: {@link FormResult#done}, {@link FormResult#redirect}
         *                or {@link FormResult#invalid} (the page again, status 400, with the input and the
         *                errors by field); throw {@link IllegalArgumentException} to answer 400 with its message
         * @return this builder
         */
        public Builder onForm(Function<PageRequest, FormResult> handler) {
            this.onForm = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** @return the page */
        public AdminPage build() {
            return new AdminPage(this);
        }
    }
}
