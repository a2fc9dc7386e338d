package io.plugboard.plugins.gcpmonitoring;

import io.plugboard.plugins.receiversupport.AlertTypes;
import io.plugboard.sdk.EventType;
import io.plugboard.sdk.EventTypeProvider;
import java.util.List;
import org.pf4j.Extension;

/**
 * The event types the Google Cloud Monitoring receiver emits: the shared alert model's
 * {@code alert_firing} and {@code alert_resolved}, declared identically by every monitoring receiver.
 */
@Extension
public class AlertEvents implements EventTypeProvider {

    @Override
    public List<EventType> eventTypes() {
        return AlertTypes.eventTypes();
    }
}
