package io.plugboard.host.internal.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/** What {@link BasePathRoutes} puts around each of Plugboard's handlers; nothing on the host's own server. */
@FunctionalInterface
interface HandlerWrap {

    /** Leaves handlers as they are. */
    HandlerWrap NONE = (type, handler) -> handler;

    /** @return {@code handler}, wrapped, for a handler of this type ({@code BEFORE}, {@code GET}, …) */
    Handler wrap(HandlerType type, Handler handler);
}
