package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.delivery.RequestPreview;
import io.plugboard.host.internal.config.SectionsConfig;
import io.plugboard.host.internal.delivery.TestConsole;
import io.plugboard.host.internal.inspector.Inboxes;
import io.plugboard.host.internal.outbound.WebhookService;
import io.plugboard.host.internal.secrets.SecretService;
import io.plugboard.host.internal.web.http.AppScopes;
import io.plugboard.host.internal.web.http.RouteGroup;

/** What webhooks send, tried out: the preview and test console, named secrets, and the request inspector. */
public final class ApiPayloadRoutes implements RouteGroup {

    private final RequestPreview preview;
    private final TestConsole console;
    private final SecretService secrets;
    private final Inboxes inspector;
    private final WebhookService webhooks;
    private final ObjectMapper mapper;
    private final SectionsConfig sections;
    private final AppScopes scopes;

    /**
     * @param sections the test console, secrets and inspector are registered only when on
     * @param scopes which application a request acts on (preview, console and secrets are per application)
     */
    public ApiPayloadRoutes(RequestPreview preview, TestConsole console, SecretService secrets, Inboxes inspector,
                            WebhookService webhooks, ObjectMapper mapper, SectionsConfig sections, AppScopes scopes) {
        this.scopes = scopes;
        this.preview = preview;
        this.console = console;
        this.secrets = secrets;
        this.inspector = inspector;
        this.webhooks = webhooks;
        this.mapper = mapper;
        this.sections = sections;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        new PreviewApi(preview, console, webhooks, mapper, sections.testConsole(), scopes).register(routes);
        if (sections.secrets()) {
            new SecretsApi(secrets, mapper, scopes).register(routes);
        }
        if (sections.inspector()) {
            new InspectorApi(inspector, webhooks, mapper).register(routes);
        }
    }
}
