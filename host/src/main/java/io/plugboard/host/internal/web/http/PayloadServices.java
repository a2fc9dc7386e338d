package io.plugboard.host.internal.web.http;

import io.plugboard.host.internal.delivery.RequestPreview;
import io.plugboard.host.internal.delivery.TestConsole;
import io.plugboard.host.internal.inspector.Inboxes;
import io.plugboard.host.internal.secrets.SecretService;

/** The services behind payload templates for the web layer: secrets, previews, the test console, the inspector. */
public record PayloadServices(SecretService secrets, RequestPreview preview, TestConsole console, Inboxes inspector) {}
