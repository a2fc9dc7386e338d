package io.plugboard.host.internal.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * The host's spans (an event emitted, each delivery attempt, an inbound request received) and the W3C
 * {@code traceparent} that ties them to the caller and the endpoint. With an OTLP endpoint configured
 * the OpenTelemetry SDK's autoconfiguration ({@link TracingSettings}) builds an SDK that exports them;
 * without one a tracer with no processor and a sampler that records only what a caller sampled makes
 * the ids (so every request still carries a {@code traceparent}) and exports nothing. With
 * {@code OTEL_SDK_DISABLED=true} (the OpenTelemetry switch) no span is made and no header sent.
 */
public final class Tracing implements AutoCloseable {

    private static final String SCOPE = "io.plugboard.host";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> ONE_HEADER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return java.util.List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    private final OpenTelemetry otel;
    private final AutoCloseable sdk;
    private final Tracer tracer;
    private final boolean exporting;

    private Tracing(OpenTelemetry otel, AutoCloseable sdk, boolean exporting) {
        this.otel = otel;
        this.sdk = sdk;
        this.tracer = otel.getTracer(SCOPE);
        this.exporting = exporting;
    }

    private Tracing(OpenTelemetrySdk sdk, boolean exporting) {
        this(sdk, sdk, exporting);
    }

    /**
     * @param settings the {@code OTEL_*} environment variables and {@code otel.*} system properties, as the
     *     SDK reads them; exporting only when they name an OTLP endpoint
     */
    public static Tracing of(TracingSettings settings) {
        if (settings.disabled()) {
            return new Tracing(OpenTelemetry.noop(), () -> { }, false);
        }
        if (!settings.exporting()) {
            return new Tracing(OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                    .setSampler(Sampler.parentBased(Sampler.alwaysOff())).build()).build(), false);
        }
        return new Tracing(AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(settings::defaults)
                .disableShutdownHook()
                .build().getOpenTelemetrySdk(), true);
    }

    /** Spans made, never exported: for tests and the bench. */
    public static Tracing local() {
        return of(TracingSettings.NONE);
    }

    public boolean exporting() {
        return exporting;
    }

    public OpenTelemetry openTelemetry() {
        return otel;
    }

    /** @return the context a {@code traceparent} header names, or the current one if it is absent or malformed */
    public Context from(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.current();
        }
        return W3C.extract(Context.current(), traceparent.strip(), ONE_HEADER);
    }

    /** Makes the {@code traceparent}'s context current until the scope closes (a request emitting events). */
    public Scope continueFrom(String traceparent) {
        return from(traceparent).makeCurrent();
    }

    public Span start(String name, SpanKind kind, Context parent) {
        return tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
    }

    /**
     * The span of one event emitted, a child of the current context (a request's, an inbound receive's,
     * an application's own); it ends at once.
     *
     * @return its {@code traceparent}, stored with the event so its deliveries' attempts are its children
     */
    public String emitted(String eventId, String type) {
        Span span = tracer.spanBuilder("plugboard.emit").setSpanKind(SpanKind.PRODUCER)
                .setAttribute("plugboard.event.id", eventId).setAttribute("plugboard.event.type", type).startSpan();
        span.end();
        return traceparent(span.getSpanContext());
    }

    /** @return the W3C header value for the span, or null for an invalid one */
    public static String traceparent(SpanContext c) {
        if (!c.isValid()) {
            return null;
        }
        return "00-" + c.getTraceId() + "-" + c.getSpanId() + "-" + c.getTraceFlags().asHex();
    }

    /** Exports what is left (when exporting) and stops. */
    @Override
    public void close() {
        try {
            sdk.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop tracing", e);
        }
    }

}
