package io.plugboard.host.internal.web.api;

import io.plugboard.host.internal.delivery.ConsoleResult;
import io.plugboard.host.internal.delivery.SendResult;
import io.plugboard.host.internal.delivery.ShownRequest;
import java.util.Map;

/** The test console's answer: the request as sent (secrets masked) and the full response. */
record ConsoleJson(String eventId, String eventType, ShownRequest request, Response response) {

    /** @param body the start of the response body, as much as the host reads (maxResponseBodyBytes) */
    record Response(boolean success, Integer status, Map<String, String> headers, String body, long durationMs,
                    String error) {}

    static ConsoleJson of(ConsoleResult c) {
        SendResult r = c.response();
        return new ConsoleJson(c.eventId(), c.eventType(), c.request(), new Response(r.success(), r.responseStatus(),
                r.responseHeaders(), r.responseBody(), r.durationMs(), r.error()));
    }
}
