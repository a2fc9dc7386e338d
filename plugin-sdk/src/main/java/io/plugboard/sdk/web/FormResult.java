package io.plugboard.sdk.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a page's form handler ({@link AdminPage.Builder#onForm}) answers:
 * <ul>
 *   <li>{@link #done(String)}: back to the page (303), with a one-time message shown there;</li>
 *   <li>{@link #redirect(String, String)}: to another admin page, with the message;</li>
 *   <li>{@link #invalid(Map)}: nothing was done; the page is shown again (status 400) with what was entered
 *       and a message per field, in the template's {@code form.values} and {@code form.errors}.</li>
 * </ul>
 */
public final class FormResult {

    private final String flash;
    private final String redirect;
    private final Map<String, String> fieldErrors;

    private FormResult(String flash, String redirect, Map<String, String> fieldErrors) {
        this.flash = flash;
        this.redirect = redirect;
        this.fieldErrors = fieldErrors;
    }

    /** @param flash the message shown on the page once, or null for none @return back to the page */
    public static FormResult done(String flash) {
        return new FormResult(flash, null, Map.of());
    }

    /**
     * @param path a Plugboard-relative admin path, e.g. {@code /admin/plugins/payments/recent} (the host adds
     *             the base path it is mounted under)
     * @param flash the message shown there once, or null for none
     * @return to that page
     * @throws IllegalArgumentException if the path is not under {@code /admin}
     */
    public static FormResult redirect(String path, String flash) {
        if (path == null || !(path.equals("/admin") || path.startsWith("/admin/")) || path.startsWith("//")
                || path.contains("\\") || path.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("a form redirects to a path under /admin, not " + path);
        }
        return new FormResult(flash, path, Map.of());
    }

    /**
     * @param fieldErrors by field name (the input's {@code name}), what is wrong with it, e.g.
     *                    {@code Map.of("amount", "Enter an amount above 0.")}; in the order to list them
     * @return the page again with the input and the errors
     * @throws IllegalArgumentException if there is no error
     */
    public static FormResult invalid(Map<String, String> fieldErrors) {
        Objects.requireNonNull(fieldErrors, "fieldErrors");
        if (fieldErrors.isEmpty()) {
            throw new IllegalArgumentException("an invalid form has at least one field error");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        fieldErrors.forEach((field, message) -> copy.put(Objects.requireNonNull(field, "field"),
                Objects.requireNonNull(message, "message")));
        return new FormResult(null, null, java.util.Collections.unmodifiableMap(copy));
    }

    /** @return true if the form was refused ({@link #invalid}) */
    public boolean isInvalid() { return !fieldErrors.isEmpty(); }

    /** @return the one-time message, or null */
    public String flash() { return flash; }

    /** @return where to go, or null for the page itself */
    public String redirect() { return redirect; }

    /** @return the errors by field, in order; empty unless {@link #isInvalid()} */
    public Map<String, String> fieldErrors() { return fieldErrors; }
}
