package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.sdk.hooks.AdminHead;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.HeadTag;
import java.util.List;
import java.util.Locale;

/**
 * The extra {@code <head>} tags of every admin page, from {@link CoreHooks#ADMIN_HEAD}: only stylesheet
 * links (paths of this host, the base path put before them) and meta tags ({@link HeadTag} checks
 * both); the layout writes every value escaped. Meta tags named {@code htmx…} are dropped: htmx reads its
 * configuration from one, and the host's (no eval, no script tags) must stay the only one. Nothing is
 * built when no filter is added.
 */
final class HeadTags {

    /** One tag as the layout writes it. */
    record Shown(boolean stylesheet, String name, String content) {}

    private final HookRunner hooks;

    HeadTags(HookRunner hooks) {
        this.hooks = hooks;
    }

    List<Shown> tags() {
        if (!hooks.has(CoreHooks.ADMIN_HEAD)) {
            return List.of();
        }
        return hooks.applyFilters(CoreHooks.ADMIN_HEAD, new AdminHead(List.of())).tags().stream()
                .filter(t -> t.kind().equals("stylesheet") || !t.name().toLowerCase(Locale.ROOT).startsWith("htmx"))
                .map(t -> new Shown(t.kind().equals("stylesheet"), t.name(), t.content())).toList();
    }
}
