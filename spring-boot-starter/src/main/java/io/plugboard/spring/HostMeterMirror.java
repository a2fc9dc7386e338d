package io.plugboard.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;

/**
 * Shows the host's meters ({@link io.plugboard.host.Plugboard#meterRegistry()}) in the application's
 * registry: each counter, gauge and timer of the host, present now or registered later (a counter per
 * new event type or webhook), gets a twin in the application's registry that reads the host's value.
 * The host's registry stays the one source, so nothing is counted twice and nothing counted before the
 * binding is missed; timers show their count and total time (the latency histogram stays on the host's
 * {@code /metrics}). Spring Boot binds every {@link MeterBinder} bean to the application's registry.
 */
public class HostMeterMirror implements MeterBinder {

    private final MeterRegistry hostMeters;

    /** @param hostMeters the host's registry */
    public HostMeterMirror(MeterRegistry hostMeters) {
        this.hostMeters = hostMeters;
    }

    @Override
    public void bindTo(MeterRegistry appMeters) {
        hostMeters.config().onMeterAdded(meter -> mirror(meter, appMeters));
        hostMeters.forEachMeter(meter -> mirror(meter, appMeters));
    }

    private static void mirror(Meter meter, MeterRegistry to) {
        Meter.Id id = meter.getId();
        if (meter instanceof Counter counter) {
            FunctionCounter.builder(id.getName(), counter, Counter::count).tags(id.getTagsAsIterable())
                    .description(id.getDescription()).baseUnit(id.getBaseUnit()).register(to);
        } else if (meter instanceof Gauge gauge) {
            Gauge.builder(id.getName(), gauge, Gauge::value).tags(id.getTagsAsIterable())
                    .description(id.getDescription()).baseUnit(id.getBaseUnit()).register(to);
        } else if (meter instanceof Timer timer) {
            FunctionTimer.builder(id.getName(), timer, Timer::count, t -> t.totalTime(TimeUnit.NANOSECONDS),
                    TimeUnit.NANOSECONDS).tags(id.getTagsAsIterable()).description(id.getDescription()).register(to);
        }
    }
}
