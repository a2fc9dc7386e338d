package io.plugboard.host.internal.payloads;

import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.plugboard.host.internal.events.StoredEvent;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The {@code cloudevents} format: the CloudEvents 1.0 structured JSON form of an event, written by the
 * CloudEvents SDK: {@code id} (the event id), {@code source} ({@code urn:plugboard:<site>:<emitter>}),
 * {@code type} (the event key), {@code time}, {@code datacontenttype} {@code application/json} and
 * {@code data}, the stored data text as it is (numbers exactly as emitted; the SDK's own mapper would
 * write a decimal such as {@code 0.00000001} as {@code 1E-8}).
 */
final class CloudEventsFormat implements PayloadFormat {

    static final String ID = "cloudevents";

    private final JsonFormat format = new JsonFormat();
    private final String site;

    CloudEventsFormat(String siteName) {
        this.site = slug(siteName);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "CloudEvents 1.0 (structured JSON)";
    }

    @Override
    public String contentType() {
        return JsonFormat.CONTENT_TYPE;
    }

    @Override
    public RenderedBody render(RenderRequest request) {
        return RenderedBody.of(contentType(), body(request.event()));
    }

    private byte[] body(StoredEvent event) {
        CloudEvent ce = CloudEventBuilder.v1()
                .withId(event.id())
                .withSource(source(event.source()))
                .withType(event.type())
                .withTime(event.createdAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(JsonCloudEventData.wrap(new POJONode(new RawValue(event.data()))))
                .build();
        return format.serialize(ce);
    }

    /** @return a URI naming this site and who emitted the event, e.g. {@code urn:plugboard:shop:plugin-payments} */
    URI source(String emitter) {
        return URI.create("urn:plugboard:" + site + ":" + slug(emitter == null ? "app" : emitter));
    }

    private static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "plugboard" : s;
    }
}
