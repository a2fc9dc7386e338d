package io.plugboard.host.internal.tracing;

import java.util.Map;

/**
 * Whether spans are exported: the OpenTelemetry convention, an OTLP endpoint in {@code OTEL_EXPORTER_OTLP_ENDPOINT}
 * or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (or the {@code otel.exporter.otlp.endpoint} system
 * properties). The SDK's autoconfiguration then reads every other {@code OTEL_*} setting itself; the host
 * only sets defaults: the service name {@code plugboard}, and no metrics or logs exporter (the host
 * makes spans only; its metrics are on {@code /metrics}).
 *
 * @param environment the process's environment variables
 * @param properties the system properties
 */
public record TracingSettings(Map<String, String> environment, Map<String, String> properties) {

    /** Nothing configured: spans are made for the {@code traceparent} header, never exported. */
    public static final TracingSettings NONE = new TracingSettings(Map.of(), Map.of());

    public TracingSettings {
        environment = Map.copyOf(environment);
        properties = Map.copyOf(properties);
    }

    /** @return the settings of this process */
    public static TracingSettings ofProcess() {
        Map<String, String> props = new java.util.HashMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("otel.")) {
                props.put(k.toString(), v.toString());
            }
        });
        Map<String, String> env = new java.util.HashMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("OTEL_")) {
                env.put(k, v);
            }
        });
        return new TracingSettings(env, props);
    }

    /** @return whether tracing is off altogether ({@code OTEL_SDK_DISABLED=true}): no spans, no traceparent */
    public boolean disabled() {
        return "true".equalsIgnoreCase(environment.getOrDefault("OTEL_SDK_DISABLED", "").strip())
                || "true".equalsIgnoreCase(properties.getOrDefault("otel.sdk.disabled", "").strip());
    }

    /** @return whether an OTLP endpoint is configured, so spans are exported */
    public boolean exporting() {
        return set(environment.get("OTEL_EXPORTER_OTLP_ENDPOINT")) || set(environment.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))
                || set(properties.get("otel.exporter.otlp.endpoint")) || set(properties.get("otel.exporter.otlp.traces.endpoint"));
    }

    /** @return the host's defaults, which the {@code OTEL_*} variables and {@code otel.*} properties override */
    Map<String, String> defaults() {
        return Map.of("otel.service.name", "plugboard", "otel.metrics.exporter", "none", "otel.logs.exporter", "none");
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
