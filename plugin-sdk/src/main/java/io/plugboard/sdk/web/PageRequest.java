package io.plugboard.sdk.web;

import java.util.List;
import java.util.Map;

/** What a plugin's admin page is asked: the method, the parameters, the headers and who asks. */
public interface PageRequest {

    /** @return {@code GET} or {@code POST} */
    String method();

    /** @param name a query or form parameter @return its first value (the query's first), or null */
    String param(String name);

    /**
     * @param name a query or form parameter, e.g. the checkboxes of one name
     * @return all its values, the query's then the form's, in order; empty when it is not given (the default,
     *     for a request made up in a test, gives {@link #param}'s)
     */
    default List<String> params(String name) {
        String value = param(name);
        return value == null ? List.of() : List.of(value);
    }

    /** @param name a header's name, in any case @return its first value, or null */
    default String header(String name) {
        return RequestHeaders.first(headers(), name);
    }

    /**
     * @return every request header by its lower-case name, each with its values in order; the host leaves out
     *     the credentials ({@code Cookie}, {@code Authorization})
     */
    default Map<String, List<String>> headers() {
        return Map.of();
    }

    /**
     * @return who views the page: a signed-in account ({@code SESSION}) or the application's user
     * @throws UnsupportedOperationException in a request made up in a test that does not say
     */
    default Caller caller() {
        throw new UnsupportedOperationException("this request does not say who views the page");
    }

    /** @return the name of the admin viewing the page */
    String user();
}
