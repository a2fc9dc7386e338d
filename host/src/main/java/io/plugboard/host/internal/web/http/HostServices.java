package io.plugboard.host.internal.web.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.auth.AuthServices;
import io.plugboard.host.internal.config.HostConfig;
import io.plugboard.host.internal.contrib.Contributions;
import io.plugboard.host.internal.delivery.DeliveryMetrics;
import io.plugboard.host.internal.delivery.DeliveryStore;
import io.plugboard.host.internal.delivery.TestSender;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.instances.Instances;
import io.plugboard.host.internal.inbound.InboundServices;
import io.plugboard.host.internal.plugins.PluginService;
import io.plugboard.host.internal.outbound.TargetGuard;
import io.plugboard.host.internal.outbound.WebhookService;
import java.time.Clock;

/** The services the web layer is built from; assembled once by the host, read-only afterwards. */
public record HostServices(
        HostConfig config,
        ObjectMapper apiMapper,
        EventTypeRegistry eventTypes,
        EventService events,
        WebhookService webhooks,
        TestSender testSender,
        DeliveryStore deliveries,
        DeliveryMetrics metrics,
        Runnable wakeDispatcher,
        PluginService plugins,
        TargetGuard guard,
        AuthServices auth,
        Clock clock,
        PayloadServices payloads,
        Instances instances,
        Contributions contributions,
        InboundServices inbound) {}
