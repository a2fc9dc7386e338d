package io.plugboard.host.internal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.config.BasePath;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The server's error handler, for the errors Jetty answers itself before a request reaches Javalin
 * (431 for oversized headers, 400 for a malformed request, 414 for a too-long URI): the host's
 * security headers on every one, and JSON {@code {"error": …}} on the paths whose errors are JSON
 * ({@link WebPaths#answersJson}), Jetty's plain page elsewhere (without stack traces).
 */
final class JettyErrors extends ErrorHandler {

    private final ObjectMapper json;
    private final BasePath base;

    JettyErrors(ObjectMapper json, BasePath base) {
        this.json = json;
        this.base = base;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.setHostHeaders((name, value) -> response.getHeaders().put(name, value));
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        if (path == null || !WebPaths.answersJson(base, path)) {
            return super.handle(request, response, callback);
        }
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        String message = request.getAttribute(ERROR_MESSAGE) instanceof String m && !m.isBlank()
                ? m : HttpStatus.getMessage(status);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        byte[] body = json.writeValueAsBytes(Map.of("error", explained(status, message)));
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** What to fix, for the errors a client can cause by itself. */
    private static String explained(int status, String message) {
        return switch (status) {
            case 431 -> message + ": the request's headers are larger than the server accepts; send fewer or smaller headers";
            case 414 -> message + ": the URI is longer than the server accepts";
            default -> message;
        };
    }
}
