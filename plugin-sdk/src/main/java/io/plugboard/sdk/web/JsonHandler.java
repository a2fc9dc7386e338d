package io.plugboard.sdk.web;

/** Answers requests to one JSON route of a plugin. */
@FunctionalInterface
public interface JsonHandler {

    /**
     * @param request the request
     * @return the answer; throw {@link IllegalArgumentException} to answer 400 with its message
     */
    JsonResponse handle(JsonRequest request);
}
