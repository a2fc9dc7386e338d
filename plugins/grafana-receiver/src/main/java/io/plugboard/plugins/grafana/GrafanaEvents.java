package io.plugboard.plugins.grafana;

import io.plugboard.plugins.receiversupport.AlertTypes;
import io.plugboard.sdk.EventType;
import io.plugboard.sdk.EventTypeProvider;
import java.util.List;
import org.pf4j.Extension;

/**
 * The event types the Grafana receiver emits: the shared alert model's {@code alert_firing} and
 * {@code alert_resolved}, declared identically by every monitoring receiver.
 */
@Extension
public class GrafanaEvents implements EventTypeProvider {

    @Override
    public List<EventType> eventTypes() {
        return AlertTypes.eventTypes();
    }
}
