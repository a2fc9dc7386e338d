package io.plugboard.host.internal.web.api;

import java.util.List;

/** Every list the API returns: the items and how many there are in all. */
record ListJson<T>(List<T> data, long total) {

    static <T> ListJson<T> of(List<T> data) {
        return new ListJson<>(data, data.size());
    }
}
