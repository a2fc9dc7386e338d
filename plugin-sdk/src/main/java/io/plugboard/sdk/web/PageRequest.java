package io.plugboard.sdk.web;

/** What a plugin's admin page is asked: the method, the parameters and who asks. */
public interface PageRequest {

    /** @return {@code GET} or {@code POST} */
    String method();

    /** @param name a query or form parameter @return its value, or null */
    String param(String name);

    /** @return the name of the admin viewing the page */
    String user();
}
