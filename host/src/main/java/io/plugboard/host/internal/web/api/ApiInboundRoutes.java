package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.config.BasePath;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.inbound.InboundService;
import io.plugboard.host.internal.inbound.ReceivedEvents;
import io.plugboard.host.internal.web.http.AppScopes;
import io.plugboard.host.internal.web.http.RouteGroup;

/** Inbound webhooks: {@code /api/v1/receivers}, {@code /api/v1/inbound-webhooks} and the events they received. */
public final class ApiInboundRoutes implements RouteGroup {

    private final InboundService inbound;
    private final ReceivedEvents received;
    private final ObjectMapper mapper;

    private final BasePath base;
    private final AppScopes scopes;

    /**
     * @param base where the inbound URLs the API shows are
     * @param scopes which application a request acts on (inbound webhooks and received events are per application)
     */
    public ApiInboundRoutes(InboundService inbound, ReceivedEvents received, ObjectMapper mapper, BasePath base,
                            AppScopes scopes) {
        this.scopes = scopes;
        this.base = base;
        this.inbound = inbound;
        this.received = received;
        this.mapper = mapper;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        new ReceiversApi(inbound.receivers(), mapper).register(routes);
        new InboundWebhooksApi(inbound, mapper, base, scopes).register(routes);
        new ReceivedEventsApi(received, mapper, scopes).register(routes);
    }
}
