package io.plugboard.sdk.hooks;

/**
 * The hooks the host fires. Actions run after the change they report is committed; a callback can
 * neither undo nor block it.
 *
 * <table>
 * <caption>Core hooks</caption>
 * <tr><th>hook</th><th>kind</th><th>fired</th><th>thread</th></tr>
 * <tr><td>{@link #EVENT_EMITTED}</td><td>action</td><td>after an event and its deliveries are committed</td><td>the emitting one</td></tr>
 * <tr><td>{@link #OUTGOING_PAYLOAD}</td><td>filter</td><td>for each attempt, before the body is signed</td><td>the dispatcher's</td></tr>
 * <tr><td>{@link #WEBHOOK_CREATED}, {@link #WEBHOOK_UPDATED}, {@link #WEBHOOK_DELETED}</td><td>action</td><td>after the change is stored</td><td>the request's</td></tr>
 * <tr><td>{@link #DELIVERY_SUCCEEDED}, {@link #DELIVERY_FAILED}</td><td>action</td><td>after the outcome is committed</td><td>the host's hook thread</td></tr>
 * <tr><td>{@link #PLUGIN_ACTIVATED}, {@link #PLUGIN_DEACTIVATED}</td><td>action</td><td>after a plugin started / stopped</td><td>the lifecycle's</td></tr>
 * <tr><td>{@link #ADMIN_MENU}</td><td>filter</td><td>whenever an admin page is rendered</td><td>the request's</td></tr>
 * </table>
 */
public final class CoreHooks {

    private CoreHooks() {}

    /** An event was stored with its deliveries (not fired for events emitted inside the embedder's own transaction). */
    public static final ActionHook<EmittedEvent> EVENT_EMITTED = ActionHook.of("plugboard.event_emitted", EmittedEvent.class);

    /** The data about to be sent to one webhook; runs on the delivery hot path, so keep it fast. */
    public static final FilterHook<OutgoingPayload> OUTGOING_PAYLOAD =
            FilterHook.of("plugboard.outgoing_payload", OutgoingPayload.class);

    /** A webhook was created. */
    public static final ActionHook<WebhookInfo> WEBHOOK_CREATED = ActionHook.of("plugboard.webhook_created", WebhookInfo.class);

    /** A webhook was changed (also when it is turned on or off). */
    public static final ActionHook<WebhookInfo> WEBHOOK_UPDATED = ActionHook.of("plugboard.webhook_updated", WebhookInfo.class);

    /** A webhook was deleted. */
    public static final ActionHook<WebhookInfo> WEBHOOK_DELETED = ActionHook.of("plugboard.webhook_deleted", WebhookInfo.class);

    /** A delivery succeeded. */
    public static final ActionHook<DeliveryResult> DELIVERY_SUCCEEDED =
            ActionHook.of("plugboard.delivery_succeeded", DeliveryResult.class);

    /** A delivery failed for good (no retry left, or the endpoint answered 410). */
    public static final ActionHook<DeliveryResult> DELIVERY_FAILED =
            ActionHook.of("plugboard.delivery_failed", DeliveryResult.class);

    /** A plugin started (after its {@code start()}, so its own callbacks hear it too). */
    public static final ActionHook<PluginInfo> PLUGIN_ACTIVATED = ActionHook.of("plugboard.plugin_activated", PluginInfo.class);

    /** A plugin stopped; its own callbacks are already removed. */
    public static final ActionHook<PluginInfo> PLUGIN_DEACTIVATED =
            ActionHook.of("plugboard.plugin_deactivated", PluginInfo.class);

    /** The admin's navigation, for every admin page rendered. */
    public static final FilterHook<AdminMenu> ADMIN_MENU = FilterHook.of("plugboard.admin_menu", AdminMenu.class);
}
