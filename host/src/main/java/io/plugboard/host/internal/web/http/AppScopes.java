package io.plugboard.host.internal.web.http;

import io.javalin.http.Context;
import io.plugboard.host.internal.apps.Application;
import io.plugboard.host.internal.apps.Applications;
import io.plugboard.host.internal.common.DefaultApp;
import java.util.List;

/**
 * Which application a request acts on: the one its path names ({@code /api/v1/apps/{app}/…}, by id or uid),
 * or the default application on today's paths. Every per-application route is registered under both
 * ({@link #paths}), and its handler asks here instead of reading the path itself, so one place decides.
 */
public final class AppScopes {

    /** The path parameter naming the application. */
    public static final String PARAM = "app";

    /** The request attribute holding an application a caller is confined to (a scoped token, a portal session). */
    public static final String CONFINED_TO_ATTRIBUTE = "plugboard.confinedToApp";

    private final Applications apps;

    public AppScopes(Applications apps) {
        this.apps = apps;
    }

    /**
     * @param rest the path after {@code /api/v1}, e.g. {@code /webhooks/{id}}
     * @return today's path and the per-application one, e.g. {@code /api/v1/apps/{app}/webhooks/{id}}
     */
    public static List<String> paths(String rest) {
        return List.of("/api/v1" + rest, "/api/v1/apps/{" + PARAM + "}" + rest);
    }

    /**
     * @param rest the path after {@code /api/v1}, e.g. {@code /webhooks/wh_1}
     * @return the Plugboard-relative path of the resource in the application the request named, for a
     *     {@code Location} header: {@code /api/v1/apps/acme/webhooks/wh_1} or {@code /api/v1/webhooks/wh_1}
     */
    public static String location(Context ctx, String rest) {
        String ref = ctx.pathParamMap().get(PARAM);
        return "/api/v1" + (ref == null ? "" : "/apps/" + ref) + rest;
    }

    /**
     * @return the application's id
     * @throws io.plugboard.host.internal.common.NotFoundException if the path names no application, or one the
     *     caller is confined away from (answered as if it did not exist)
     */
    public String id(Context ctx) {
        return app(ctx).id();
    }

    /**
     * @return the id of the application the path names, or null on today's paths (where an emitted event
     *     reaches the default application, or every one for a broadcast type)
     */
    public String named(Context ctx) {
        return ctx.pathParamMap().containsKey(PARAM) ? id(ctx) : null;
    }

    /** @see #id */
    public Application app(Context ctx) {
        String ref = ctx.pathParamMap().get(PARAM);
        Application app = apps.get(ref == null ? DefaultApp.ID : ref);
        String confined = ctx.attribute(CONFINED_TO_ATTRIBUTE);
        if (confined != null && !confined.equals(app.id())) {
            throw new io.plugboard.host.internal.common.NotFoundException(
                    "no application has the id or uid '" + (ref == null ? DefaultApp.UID : ref) + "'");
        }
        return app;
    }

    /** @return the applications, for the routes that manage them */
    public Applications applications() {
        return apps;
    }
}
