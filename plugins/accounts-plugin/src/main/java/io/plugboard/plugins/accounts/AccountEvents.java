package io.plugboard.plugins.accounts;

import io.plugboard.sdk.EventType;
import io.plugboard.sdk.EventTypeProvider;
import java.util.List;
import org.pf4j.Extension;

/**
 * Contributes the account event types. This plugin has no main class: a plugin that only
 * contributes extensions does not need one.
 */
@Extension
public class AccountEvents implements EventTypeProvider {

    @Override
    public List<EventType> eventTypes() {
        return List.of(
                type("account_created", "Account created", "A new customer account was registered."),
                type("account_updated", "Account updated", "A customer changed their profile or settings."),
                type("account_deleted", "Account deleted", "A customer account was closed and its data scheduled for removal."));
    }

    private static EventType type(String key, String name, String description) {
        return EventType.builder(key)
                .name(name)
                .description(description)
                .group("Accounts")
                .sampleResource(AccountEvents.class, "/samples/" + key + ".json")
                .schemaResource(AccountEvents.class, "/schemas/" + key + ".schema.json")
                .build();
    }
}
