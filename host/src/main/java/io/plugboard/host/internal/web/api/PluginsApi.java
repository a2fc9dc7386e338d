package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.web.http.JsonBody;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.plugboard.host.internal.plugins.PluginReport;
import io.plugboard.host.internal.plugins.PluginService;
import io.plugboard.host.internal.web.http.JarUpload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code /api/v1/plugins}: list plugins (and the jars of the plugins folder that are not used) with
 * their state, activate, deactivate, downgrade (to the lower version written over its jar) and
 * uninstall one, and upload a jar (multipart, field {@code jar}; {@code upgrade=true} to replace the
 * installed version, {@code allow_downgrade=true} if it is lower).
 */
final class PluginsApi {

    private final PluginService plugins;
    private final ObjectMapper mapper;
    private final boolean uploadOn;

    /** @param uploadOn whether {@code POST /api/v1/plugins} is registered (the upload section is on) */
    PluginsApi(PluginService plugins, ObjectMapper mapper, boolean uploadOn) {
        this.plugins = plugins;
        this.mapper = mapper;
        this.uploadOn = uploadOn;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/plugins", ctx -> JsonBody.send(ctx, mapper, ListJson.of(plugins.reports())));
        if (uploadOn) {
            routes.post("/api/v1/plugins", this::upload);
        }
        routes.get("/api/v1/plugins/{id}", ctx -> JsonBody.send(ctx, mapper, plugins.report(ctx.pathParam("id"))));
        routes.post("/api/v1/plugins/{id}/activate", ctx -> JsonBody.send(ctx, mapper, plugins.activate(ctx.pathParam("id"))));
        routes.post("/api/v1/plugins/{id}/deactivate", ctx -> JsonBody.send(ctx, mapper, plugins.deactivate(ctx.pathParam("id"))));
        routes.post("/api/v1/plugins/{id}/downgrade", ctx -> JsonBody.send(ctx, mapper, plugins.downgrade(ctx.pathParam("id"))));
        routes.delete("/api/v1/plugins/{id}", ctx -> {
            plugins.uninstall(ctx.pathParam("id"));
            ctx.status(204);
        });
    }

    private void upload(Context ctx) {
        PluginReport report;
        try (InputStream jar = JarUpload.open(ctx, plugins.maxUploadBytes())) {
            report = plugins.upload(jar, JarUpload.fileName(ctx), JarUpload.upgradeFlag(ctx.formParam("upgrade")),
                    JarUpload.flag("allow_downgrade", ctx.formParam("allow_downgrade")), JarUpload.signature(ctx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonBody.send(ctx.status(201).header("Location", "/api/v1/plugins/" + report.id()), mapper, report);
    }
}
