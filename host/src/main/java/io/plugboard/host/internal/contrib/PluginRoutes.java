package io.plugboard.host.internal.contrib;

import io.plugboard.sdk.Registration;
import io.plugboard.sdk.web.JsonHandler;
import io.plugboard.sdk.web.RouteSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The JSON routes of the running plugins, matched by one dispatching HTTP route (Javalin's routes are
 * fixed when the server starts). Paths are relative to {@code /api/v1/plugins/<id>}.
 */
public final class PluginRoutes {

    /** First path parts that belong to the host's own plugin endpoints. */
    public static final Set<String> RESERVED = Set.of("settings", "activate", "deactivate", "downgrade", "update",
            "history", "auto-update");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE");
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9._~-]{1,100}|\\{[a-z_][a-z0-9_]{0,30}}");

    /** The scopes a route may require: the host's token scopes that reach {@code /api/v1}. */
    public static final Set<String> SCOPES = Set.of("read", "admin");

    /** A matched route: who may call it, the handler and the values of its {@code {name}} parts. */
    public record Match(RouteSpec spec, JsonHandler handler, Map<String, String> params) {}

    private record Route(String method, String[] parts, RouteSpec spec, JsonHandler handler) {}

    private final Map<String, List<Route>> routes = new ConcurrentHashMap<>();

    Registration add(String pluginId, RouteSpec spec, JsonHandler handler) {
        if (spec == null || handler == null) {
            throw new IllegalArgumentException("a JSON route needs a RouteSpec and a handler");
        }
        String method = spec.method();
        String path = spec.path();
        String m = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            throw new IllegalArgumentException("a JSON route's method is GET, POST, PUT or DELETE, not " + method);
        }
        String[] parts = split(path);
        if (parts.length == 0 || parts.length > 10) {
            throw new IllegalArgumentException("a JSON route's path has 1 to 10 parts: " + path);
        }
        for (String part : parts) {
            if (!PART.matcher(part).matches()) {
                throw new IllegalArgumentException("the path part '" + part + "' of " + path + " is not allowed");
            }
        }
        if (RESERVED.contains(parts[0])) {
            throw new IllegalArgumentException("the path " + path + " is reserved by the host");
        }
        if (spec.scope() != null && !SCOPES.contains(spec.scope())) {
            throw new IllegalArgumentException("the route " + spec + " requires the scope '" + spec.scope()
                    + "', which is not one of the host's: read (GET and HEAD) or admin (everything)");
        }
        List<Route> own = routes.computeIfAbsent(pluginId, k -> new CopyOnWriteArrayList<>());
        if (own.stream().anyMatch(r -> r.method().equals(m) && String.join("/", r.parts()).equals(String.join("/", parts)))) {
            throw new IllegalArgumentException(m + " " + path + " is already a route of " + pluginId);
        }
        Route route = new Route(m, parts, spec, handler);
        own.add(route);
        return () -> own.remove(route);
    }

    /** @return the first route of the plugin that matches, if the plugin is running and has one */
    public Optional<Match> match(String pluginId, String method, String path) {
        String[] parts = split(path);
        for (Route route : routes.getOrDefault(pluginId, List.of())) {
            if (route.method().equals(method) && route.parts().length == parts.length) {
                Map<String, String> params = new HashMap<>();
                boolean matches = true;
                for (int i = 0; i < parts.length && matches; i++) {
                    String want = route.parts()[i];
                    if (want.startsWith("{")) {
                        params.put(want.substring(1, want.length() - 1), parts[i]);
                    } else {
                        matches = want.equals(parts[i]);
                    }
                }
                if (matches) {
                    return Optional.of(new Match(route.spec(), route.handler(), params));
                }
            }
        }
        return Optional.empty();
    }

    /** @return how many routes the plugin has */
    public int countOf(String pluginId) {
        return routes.getOrDefault(pluginId, List.of()).size();
    }

    void removeAll(String pluginId) {
        routes.remove(pluginId);
    }

    private static String[] split(String path) {
        String p = path == null ? "" : path.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }
}
