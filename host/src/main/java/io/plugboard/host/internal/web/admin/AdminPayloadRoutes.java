package io.plugboard.host.internal.web.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.config.SectionsConfig;
import io.plugboard.host.internal.delivery.TestConsole;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.inspector.Inboxes;
import io.plugboard.host.internal.outbound.WebhookService;
import io.plugboard.host.internal.secrets.SecretService;
import io.plugboard.host.internal.web.http.RouteGroup;

/** What webhooks send, tried out: a webhook's test console, {@code /admin/secrets} and {@code /admin/inspector}. */
public final class AdminPayloadRoutes implements RouteGroup {

    private final WebhookService webhooks;
    private final EventTypeRegistry eventTypes;
    private final TestConsole console;
    private final SecretService secrets;
    private final Inboxes inspector;
    private final ObjectMapper mapper;
    private final AdminView view;
    private final SectionsConfig sections;

    /** @param sections the console, secrets and inspector pages are registered only when on */
    public AdminPayloadRoutes(WebhookService webhooks, EventTypeRegistry eventTypes, TestConsole console,
                              SecretService secrets, Inboxes inspector, ObjectMapper mapper, AdminView view,
                              SectionsConfig sections) {
        this.webhooks = webhooks;
        this.eventTypes = eventTypes;
        this.console = console;
        this.secrets = secrets;
        this.inspector = inspector;
        this.mapper = mapper;
        this.view = view;
        this.sections = sections;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        if (sections.testConsole()) {
            ConsolePage consolePage = new ConsolePage(webhooks, eventTypes, console, mapper, view);
            routes.get("/admin/webhooks/{id}/console", consolePage::show);
            routes.post("/admin/webhooks/{id}/console", consolePage::send);
        }
        if (sections.secrets()) {
            SecretsPage secretsPage = new SecretsPage(secrets, view);
            routes.get("/admin/secrets", secretsPage::show);
            routes.post("/admin/secrets", secretsPage::add);
            routes.post("/admin/secrets/{name}/delete", secretsPage::delete);
        }
        if (sections.inspector()) {
            InspectorPage inspectorPage = new InspectorPage(inspector, webhooks, view);
            routes.get("/admin/inspector", inspectorPage::list);
            routes.post("/admin/inspector", inspectorPage::create);
            routes.get("/admin/inspector/{id}", inspectorPage::show);
            routes.post("/admin/inspector/{id}/clear", inspectorPage::clear);
            routes.post("/admin/inspector/{id}/delete", inspectorPage::delete);
        }
    }
}
