package io.plugboard.sdk.hooks;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of {@link CoreHooks#ADMIN_HEAD}: extra tags for every admin page's {@code <head>}, after
 * the host's own. Only stylesheet links and meta tags ({@link HeadTag}); no script.
 *
 * @param tags the tags, in order
 */
public record AdminHead(List<HeadTag> tags) {

    /** Copies the list. */
    public AdminHead {
        tags = List.copyOf(tags);
    }

    /** @param tag added at the end @return the head with it */
    public AdminHead with(HeadTag tag) {
        List<HeadTag> more = new ArrayList<>(tags);
        more.add(tag);
        return new AdminHead(more);
    }
}
