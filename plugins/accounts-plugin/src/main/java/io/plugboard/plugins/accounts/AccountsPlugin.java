package io.plugboard.plugins.accounts;

import io.plugboard.sdk.PlugboardPlugin;
import io.plugboard.sdk.PluginContext;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.web.AdminPage;
import io.plugboard.sdk.json.JsonObject;
import io.plugboard.sdk.web.JsonResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The accounts plugin's main class. Its event types come from {@link AccountEvents}; here it counts
 * sign-ups with an action on every emitted event, keeps an hourly window with a scheduled task, and
 * shows the numbers on an admin page and a JSON route ({@code /api/v1/plugins/accounts/stats}).
 */
public class AccountsPlugin extends PlugboardPlugin {

    private final SignupWindow signups = new SignupWindow();

    public AccountsPlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        PluginContext c = context();
        c.hooks().addAction(CoreHooks.EVENT_EMITTED, event -> {
            if (event.type().equals("account_created")) {
                signups.signup();
            }
        });
        c.scheduler().every("signup-window", Duration.ofMinutes(1), signups::closeMinute);
        c.adminPages().add(AdminPage.builder("signups", "templates/signups.hbs").title("Sign-ups")
                .menuLabel("Accounts")
                .model(request -> Map.of("total", signups.total(), "lastHour", signups.lastHour()))
                .build());
        c.routes().get("/stats", request -> JsonResponse.ok(JsonObject.of(
                "signups_total", signups.total(), "signups_last_hour", signups.lastHour())));
    }
}
