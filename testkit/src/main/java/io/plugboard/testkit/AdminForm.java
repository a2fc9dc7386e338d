package io.plugboard.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A form to post to an admin page, field by field, in order, a name as often as the form sends it (checkboxes
 * of one name, repeated rows). Made by {@link AdminSession#form(String)}; {@link #submit()} adds the session's
 * CSRF token.
 *
 * <pre>{@code
 * AdminSession.Page saved = harness.admin().form("/admin/plugins/shipping/settings")
 *         .field("carrier", "DHL").field("batch_size", "20").submit();
 * }</pre>
 */
public final class AdminForm {

    private final AdminSession session;
    private final String path;
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    AdminForm(AdminSession session, String path) {
        this.session = session;
        this.path = path;
    }

    /**
     * @param name the field's name; may repeat
     * @param value its value ({@code ""} for an empty field)
     * @return this form
     */
    public AdminForm field(String name, String value) {
        fields.add(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
        return this;
    }

    /** @return the answer to the post (a redirect is returned, not followed) */
    public AdminSession.Page submit() {
        return session.postForm(path, fields);
    }
}
