package io.plugboard.host.internal.payloads;

import java.time.Duration;
import java.util.Objects;

/**
 * What one payload template render may take: wall time and output size. A render over either fails
 * that attempt (like any failed attempt, it is retried); previews, the test console and saving a
 * webhook answer the same error as a 400.
 *
 * @param maxRenderTime the longest one render may run (default 250 ms)
 * @param maxOutputBytes the largest body one render may produce, in UTF-8 bytes (default 256 KB)
 */
public record TemplateBudget(Duration maxRenderTime, long maxOutputBytes) {

    public TemplateBudget {
        Objects.requireNonNull(maxRenderTime, "maxRenderTime");
        if (maxRenderTime.toMillis() < 1) {
            throw new IllegalArgumentException("the template render time must be at least 1 ms, not " + maxRenderTime);
        }
        if (maxOutputBytes < 1024) {
            throw new IllegalArgumentException("the template output limit must be at least 1024 bytes, not "
                    + maxOutputBytes);
        }
    }

    /** @return 250 ms and 256 KB */
    public static TemplateBudget defaults() {
        return new TemplateBudget(Duration.ofMillis(250), 256 * 1024);
    }
}
