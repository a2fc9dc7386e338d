package io.plugboard.host.internal.web.admin;

import java.util.ArrayList;
import java.util.List;

/** One step of a page's breadcrumb trail; the last step (the page itself) has no link. */
record Crumb(String label, String href) {

    /**
     * @param labelsAndHrefs label, href, label, href, …, and the current page's label last
     */
    static List<Crumb> trail(String... labelsAndHrefs) {
        List<Crumb> out = new ArrayList<>();
        for (int i = 0; i < labelsAndHrefs.length; i += 2) {
            out.add(new Crumb(labelsAndHrefs[i], i + 1 < labelsAndHrefs.length ? labelsAndHrefs[i + 1] : null));
        }
        return out;
    }
}
