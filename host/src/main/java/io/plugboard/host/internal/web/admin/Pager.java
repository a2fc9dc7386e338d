package io.plugboard.host.internal.web.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * Page links for a list read by offset: first, previous, the pages around the current one, next and
 * last, so any page of thousands of rows is two clicks away.
 *
 * @param summary e.g. "Page 3 of 61"
 */
record Pager(String summary, String prevHref, String nextHref, List<Link> links) {

    /** A numbered link, or a gap ("…") when {@code href} and {@code number} are null. */
    record Link(Integer number, String href, boolean current) {}

    private static final int AROUND = 2;

    /**
     * @param base the list's URL with its other query parameters, ending in {@code ?} or {@code &}
     * @return null when everything fits on one page
     */
    static Pager of(int page, int pageSize, long total, String base) {
        int last = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        if (last == 1 && page == 1) {
            return null;
        }
        List<Link> links = new ArrayList<>();
        int previous = 0;
        for (int n = 1; n <= last; n++) {
            boolean shown = n == 1 || n == last || Math.abs(n - page) <= AROUND;
            if (!shown) {
                continue;
            }
            if (n > previous + 1) {
                links.add(new Link(null, null, false));
            }
            links.add(new Link(n, base + "page=" + n, n == page));
            previous = n;
        }
        return new Pager("Page " + Math.min(page, last) + " of " + last,
                page > 1 ? base + "page=" + Math.min(page - 1, last) : null,
                page < last ? base + "page=" + (page + 1) : null, links);
    }

    /** @return the page number asked for, 1 when it is missing or not a number */
    static int number(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The first row of the page. Large page numbers are capped so the offset stays an int. */
    static int offset(int page, int pageSize) {
        return (int) Math.min((long) (page - 1) * pageSize, Integer.MAX_VALUE - pageSize);
    }
}
