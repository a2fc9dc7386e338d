package io.plugboard.host.internal.inbound;

import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.settings.DeclaredSettings;
import java.util.Map;

/**
 * The settings of an inbound webhook: its receiver's {@link DeclaredSettings}, checked by the receiver's
 * {@code verify}. Field errors are keyed {@code settings.<key>}.
 */
final class ReceiverSettings {

    /**
     * @return the new stored values
     * @throws ValidationException naming each setting to fix
     */
    Map<String, String> apply(AvailableReceiver receiver, Map<String, String> current, Map<String, String> input,
                              boolean wholeForm) {
        return declared(receiver).apply(current, input, wholeForm);
    }

    /** @return what is wrong with stored values, by setting key; empty when usable */
    Map<String, String> problems(AvailableReceiver receiver, Map<String, String> values) {
        return declared(receiver).problems(values);
    }

    /** @return the values with each unset setting's default */
    static Map<String, String> withDefaults(AvailableReceiver receiver, Map<String, String> values) {
        return declared(receiver).withDefaults(values);
    }

    static Map<String, String> prefixed(Map<String, String> errors) {
        return declared(null).prefixed(errors);
    }

    private static DeclaredSettings declared(AvailableReceiver receiver) {
        return receiver == null ? new DeclaredSettings("", "receiver", "settings.", java.util.List.of(), v -> {})
                : new DeclaredSettings("the receiver " + receiver.id(), "receiver", "settings.", receiver.settings(),
                        receiver.receiver()::verify);
    }
}
