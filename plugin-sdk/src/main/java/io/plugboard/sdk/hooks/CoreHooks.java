package io.plugboard.sdk.hooks;

/**
 * The hooks the host fires. Actions run after the change they report is done (committed, where there
 * is a database write); a callback can neither undo nor block it. Filters run before; what they may
 * change is said on each value's record. The full reference, with payload fields, thread and whether
 * a callback may block, is {@code docs/hooks.md}, generated from these constants and their
 * {@link HookDoc}.
 *
 * <p>Every hook costs one map lookup when nobody listens: the host checks {@code has} before it
 * builds a payload.
 */
public final class CoreHooks {

    private CoreHooks() {}

    private static final String EMITTING = "the emitting thread (the API request's, the plugin's, the application's)";
    private static final String REQUEST = "the request's";
    private static final String HOOK_THREAD = "the host's hook thread (`plugboard-hooks`), in order";
    private static final String LIFECYCLE = "the plugin lifecycle's (start, folder watcher, admin request)";

    // --- events ---

    /**
     * An event about to be stored: a filter may change its data or veto it with a reason (the emit is
     * refused with that reason). Not fired for previews or the test console, which store nothing.
     */
    @HookDoc(when = "for every emit (API, application, plugin, inbound, batch, `emitInTransaction`, test send), "
            + "after the type and the data's shape are checked and before the schema check and the write",
            thread = EMITTING, mayBlock = false)
    public static final FilterHook<IncomingEvent> EVENT_TO_STORE =
            FilterHook.of("plugboard.event_to_store", IncomingEvent.class);

    /** An event was refused (unknown type, bad data, vetoed by a filter); nothing was stored. */
    @HookDoc(when = "when an emit is refused, before the refusal is answered", thread = EMITTING, mayBlock = false)
    public static final ActionHook<RefusedEvent> EVENT_REFUSED = ActionHook.of("plugboard.event_refused", RefusedEvent.class);

    /**
     * An event was written. Unlike {@link #EVENT_EMITTED} also for {@code emitInTransaction} (the commit
     * is the caller's, and may still roll back) and for test sends (no deliveries).
     */
    @HookDoc(when = "right after the event's write: after the commit, or for `emitInTransaction` inside the "
            + "caller's transaction", thread = EMITTING, mayBlock = false)
    public static final ActionHook<EmittedEvent> EVENT_STORED = ActionHook.of("plugboard.event_stored", EmittedEvent.class);

    /** An event was stored with its deliveries (not fired for events emitted inside the embedder's own transaction). */
    @HookDoc(when = "after an event and its deliveries are committed (for a plugin's `transaction`, after its "
            + "commit; not for `emitInTransaction`, nor for a replay by an idempotency key)", thread = EMITTING,
            mayBlock = false)
    public static final ActionHook<EmittedEvent> EVENT_EMITTED = ActionHook.of("plugboard.event_emitted", EmittedEvent.class);

    // --- webhooks ---

    /** A webhook was created. */
    @HookDoc(when = "after the webhook is stored", thread = REQUEST, mayBlock = true)
    public static final ActionHook<WebhookInfo> WEBHOOK_CREATED = ActionHook.of("plugboard.webhook_created", WebhookInfo.class);

    /** A webhook was changed (also when it is turned on or off, or its secret rotated). */
    @HookDoc(when = "after the change is stored", thread = REQUEST, mayBlock = true)
    public static final ActionHook<WebhookInfo> WEBHOOK_UPDATED = ActionHook.of("plugboard.webhook_updated", WebhookInfo.class);

    /** A webhook was deleted. */
    @HookDoc(when = "after the deletion is stored; the payload is the webhook as it was", thread = REQUEST, mayBlock = true)
    public static final ActionHook<WebhookInfo> WEBHOOK_DELETED = ActionHook.of("plugboard.webhook_deleted", WebhookInfo.class);

    /** A webhook was turned off: by the delivery engine (410 Gone, failing too long) or by an admin. */
    @HookDoc(when = "after the change is committed (by the engine: with the attempt that caused it)",
            thread = "the request's (admin); the host's hook thread (engine)", mayBlock = true)
    public static final ActionHook<WebhookDisabled> WEBHOOK_DISABLED =
            ActionHook.of("plugboard.webhook_disabled", WebhookDisabled.class);

    /** A webhook was turned on (by an admin or the API). */
    @HookDoc(when = "after the change is stored, before `webhook_updated`", thread = REQUEST, mayBlock = true)
    public static final ActionHook<WebhookInfo> WEBHOOK_ENABLED = ActionHook.of("plugboard.webhook_enabled", WebhookInfo.class);

    /** A webhook got a new signing secret (the previous one still signs for the overlap). */
    @HookDoc(when = "after the new secret is stored, before `webhook_updated`; no secret is in the payload",
            thread = REQUEST, mayBlock = true)
    public static final ActionHook<WebhookInfo> WEBHOOK_SECRET_ROTATED =
            ActionHook.of("plugboard.webhook_secret_rotated", WebhookInfo.class);

    // --- deliveries ---

    /** The data about to be sent to one webhook; runs on the delivery hot path, so keep it fast. */
    @HookDoc(when = "for every attempt (and test send), before the payload format renders the body",
            thread = "a delivery build lane's", mayBlock = false)
    public static final FilterHook<OutgoingPayload> OUTGOING_PAYLOAD =
            FilterHook.of("plugboard.outgoing_payload", OutgoingPayload.class);

    /**
     * One attempt's rendered body and extra headers, before signing: the signature covers the body the
     * filters return. Runs on the delivery hot path, so keep it fast.
     */
    @HookDoc(when = "for every attempt (and test send, preview), after the payload format rendered the body and before the "
            + "host adds its own headers and signs", thread = "a delivery build lane's", mayBlock = false)
    public static final FilterHook<OutgoingRequest> DELIVERY_SENDING =
            FilterHook.of("plugboard.delivery_sending", OutgoingRequest.class);

    /** An attempt was recorded: its status, duration and outcome. */
    @HookDoc(when = "after the attempt is committed (queued; dropped when 10,000 firings wait)", thread = HOOK_THREAD,
            mayBlock = true)
    public static final ActionHook<DeliveryAttempt> DELIVERY_ATTEMPTED =
            ActionHook.of("plugboard.delivery_attempted", DeliveryAttempt.class);

    /** A delivery succeeded. */
    @HookDoc(when = "after the outcome is committed", thread = HOOK_THREAD, mayBlock = true)
    public static final ActionHook<DeliveryResult> DELIVERY_SUCCEEDED =
            ActionHook.of("plugboard.delivery_succeeded", DeliveryResult.class);

    /** A delivery failed for good (no retry left, or the endpoint answered 410). */
    @HookDoc(when = "after the outcome is committed", thread = HOOK_THREAD, mayBlock = true)
    public static final ActionHook<DeliveryResult> DELIVERY_FAILED =
            ActionHook.of("plugboard.delivery_failed", DeliveryResult.class);

    /** A delivery failed because its retries ran out (not for 410 Gone, which fails at once). */
    @HookDoc(when = "after the outcome is committed, after `delivery_failed`", thread = HOOK_THREAD, mayBlock = true)
    public static final ActionHook<DeliveryResult> DELIVERY_EXHAUSTED =
            ActionHook.of("plugboard.delivery_exhausted", DeliveryResult.class);

    // --- plugins ---

    /** A plugin started (after its {@code start()}, so its own callbacks hear it too). */
    @HookDoc(when = "after the plugin's `start()` returned", thread = LIFECYCLE, mayBlock = false)
    public static final ActionHook<PluginInfo> PLUGIN_ACTIVATED = ActionHook.of("plugboard.plugin_activated", PluginInfo.class);

    /** A plugin stopped; its own callbacks are already removed. */
    @HookDoc(when = "after the plugin stopped and its contributions were removed", thread = LIFECYCLE, mayBlock = false)
    public static final ActionHook<PluginInfo> PLUGIN_DEACTIVATED =
            ActionHook.of("plugboard.plugin_deactivated", PluginInfo.class);

    /** A plugin was replaced by another version, which now runs (or is installed, when it was not running). */
    @HookDoc(when = "after the new version started (a version that fails to start is rolled back: no update is told)",
            thread = LIFECYCLE, mayBlock = false)
    public static final ActionHook<PluginUpdate> PLUGIN_UPDATED = ActionHook.of("plugboard.plugin_updated", PluginUpdate.class);

    /** A plugin failed: it could not be loaded or started, or did not stop in time. */
    @HookDoc(when = "after the plugin was marked failed and its contributions removed", thread = LIFECYCLE,
            mayBlock = false)
    public static final ActionHook<PluginFailure> PLUGIN_FAILED = ActionHook.of("plugboard.plugin_failed", PluginFailure.class);

    // --- inbound ---

    /** A request to an inbound webhook was accepted (its events are committed, or it was a handshake). */
    @HookDoc(when = "after the events are committed, before the answer is sent", thread = REQUEST, mayBlock = false)
    public static final ActionHook<InboundOutcome> INBOUND_ACCEPTED =
            ActionHook.of("plugboard.inbound_accepted", InboundOutcome.class);

    /** A request to an inbound webhook was refused (not for unknown ids or wrong keys, which say nothing). */
    @HookDoc(when = "after the refusal is recorded, before it is answered", thread = REQUEST, mayBlock = false)
    public static final ActionHook<InboundOutcome> INBOUND_REFUSED =
            ActionHook.of("plugboard.inbound_refused", InboundOutcome.class);

    // --- web and admin ---

    /** A request to {@code /api} was answered. */
    @HookDoc(when = "after the handler and error mapping, when the status is known (mounted in an application's "
            + "Javalin, where a refused request skips the remaining handlers: only answers below 400)",
            thread = REQUEST, mayBlock = false)
    public static final ActionHook<ApiCall> API_REQUEST = ActionHook.of("plugboard.api_request", ApiCall.class);

    /** An admin signed in through the login form (or created the first account). */
    @HookDoc(when = "after the session is created", thread = REQUEST, mayBlock = false)
    public static final ActionHook<AdminSignIn> ADMIN_SIGNED_IN = ActionHook.of("plugboard.admin_signed_in", AdminSignIn.class);

    /** The admin's navigation, for every admin page rendered. */
    @HookDoc(when = "for every admin page rendered", thread = REQUEST, mayBlock = false)
    public static final FilterHook<AdminMenu> ADMIN_MENU = FilterHook.of("plugboard.admin_menu", AdminMenu.class);

    /** Extra stylesheet links and meta tags in every admin page's head. */
    @HookDoc(when = "for every admin page rendered", thread = REQUEST, mayBlock = false)
    public static final FilterHook<AdminHead> ADMIN_HEAD = FilterHook.of("plugboard.admin_head", AdminHead.class);

    /** Widgets at the top of the admin's home ({@code /admin}, the webhooks list). */
    @HookDoc(when = "when the webhooks list is rendered", thread = REQUEST, mayBlock = false)
    public static final FilterHook<AdminHome> ADMIN_HOME = FilterHook.of("plugboard.admin_home", AdminHome.class);

    /**
     * What plugins add to the webhook form: read-only notes, and editable fields ({@code WebhookForm.withField})
     * whose values the host checks like plugin settings and stores per webhook for the plugin; the plugin reads
     * them with {@code PluginContext.webhookValues(webhookId)} (e.g. in an {@link #OUTGOING_PAYLOAD} filter).
     */
    @HookDoc(when = "when the webhook form (add or edit) is rendered, when a webhook is saved (form or API) or "
            + "shown by the API, and when a plugin reads its values: to know the fields, so add the same ones each "
            + "time, without side effects", thread = REQUEST + " (the reading plugin's, for `webhookValues`)",
            mayBlock = false)
    public static final FilterHook<WebhookForm> WEBHOOK_FORM = FilterHook.of("plugboard.webhook_form", WebhookForm.class);

    // --- host ---

    /** The host started: plugins started, the web routes are served (or ready to be mounted). */
    @HookDoc(when = "at the end of the start, once", thread = "the thread that started the host", mayBlock = false)
    public static final ActionHook<HostInfo> HOST_STARTED = ActionHook.of("plugboard.host_started", HostInfo.class);

    /** The host is about to stop: still fully running. */
    @HookDoc(when = "at the beginning of `close()`, once", thread = "the thread that closes the host", mayBlock = false)
    public static final ActionHook<HostInfo> HOST_STOPPING = ActionHook.of("plugboard.host_stopping", HostInfo.class);
}
