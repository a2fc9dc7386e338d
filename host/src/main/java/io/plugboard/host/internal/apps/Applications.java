package io.plugboard.host.internal.apps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.host.internal.common.ConflictException;
import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.common.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Applications (tenants): creating, changing, finding by id or uid, and deleting one with everything it
 * holds. Every refusal names the field to fix; nothing is written then.
 */
public final class Applications {

    /** What a uid may look like: the embedder's own customer id, e.g. {@code acme} or {@code cus_123:eu}. */
    public static final Pattern UID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:@-]{0,99}");

    /** The largest metadata object, in bytes of JSON. */
    public static final int MAX_METADATA_BYTES = 16 * 1024;

    private final ApplicationStore store;
    private final ObjectMapper mapper;
    private final Ids ids;
    private final Clock clock;

    public Applications(Jdbi jdbi, ObjectMapper mapper, Ids ids, Clock clock) {
        this.store = new ApplicationStore(jdbi, mapper);
        this.mapper = mapper;
        this.ids = ids;
        this.clock = clock;
    }

    /** @throws ValidationException naming each field to fix; @throws ConflictException if the uid is taken */
    public Application create(AppDraft d) {
        return create(d, Map.of());
    }

    /** @param earlier problems the caller found in the input already (e.g. a wrong JSON type); reported with the others */
    public Application create(AppDraft d, Map<String, String> earlier) {
        Map<String, String> problems = new LinkedHashMap<>(earlier);
        String uid = uid(d.uid(), problems);
        String name = name(d.name(), problems);
        ObjectNode metadata = metadata(d.metadata(), problems);
        AllowedEventTypes allowed = AllowedEventTypes.parse(d.allowedEventTypes(), problems);
        List<String> frames = FrameAncestors.parse("frame_ancestors", d.frameAncestors(), problems);
        PortalTheme theme = PortalTheme.checked("theme", d.theme(), problems);
        AppDeliverySettings delivery = AppDeliverySettings.checked(d.deliveryOver(AppDeliverySettings.HOST), problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var now = clock.instant();
        Application a = new Application(ids.next("app"), uid, name, metadata, allowed, frames,
                theme == null ? PortalTheme.NONE : theme, delivery, now, now);
        if (!store.insert(a)) {
            throw taken(uid);
        }
        return a;
    }

    /**
     * @param ref the application's id or uid
     * @param earlier problems the caller found in the input already; reported with the others
     */
    public Application update(String ref, AppDraft d, Map<String, String> earlier) {
        Application a = get(ref);
        Map<String, String> problems = new LinkedHashMap<>(earlier);
        String uid = d.uid() == null ? a.uid() : uid(d.uid(), problems);
        if (a.isDefault() && !uid.equals(a.uid())) {
            problems.put("uid", "the default application's uid stays '" + a.uid() + "'");
        }
        String name = d.name() == null ? a.name() : name(d.name(), problems);
        ObjectNode metadata = d.metadata() == null ? a.metadata() : metadata(d.metadata(), problems);
        AllowedEventTypes allowed = d.clearAllowedEventTypes() ? AllowedEventTypes.ALL
                : d.allowedEventTypes() == null ? a.allowedEventTypes()
                : AllowedEventTypes.parse(d.allowedEventTypes(), problems);
        List<String> frames = d.clearFrameAncestors() ? null : d.frameAncestors() == null ? a.frameAncestors()
                : FrameAncestors.parse("frame_ancestors", d.frameAncestors(), problems);
        PortalTheme theme = d.clearTheme() ? PortalTheme.NONE : d.theme() == null ? a.theme()
                : PortalTheme.checked("theme", d.theme(), problems);
        AppDeliverySettings delivery = AppDeliverySettings.checked(d.deliveryOver(a.delivery()), problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Application changed = new Application(a.id(), uid, name, metadata, allowed, frames, theme, delivery,
                a.createdAt(), clock.instant());
        if (!store.update(changed)) {
            throw taken(uid);
        }
        return changed;
    }

    /** @throws NotFoundException naming the reference */
    public Application get(String ref) {
        return store.find(ref == null ? "" : ref)
                .orElseThrow(() -> new NotFoundException("no application has the id or uid '" + ref + "'"));
    }

    /** @param ref an id or uid @return the application, if one has it */
    public java.util.Optional<Application> find(String ref) {
        return ref == null ? java.util.Optional.empty() : store.find(ref);
    }

    /**
     * Creates the application, or finds the one another caller created with the same uid meanwhile (two
     * instances may both ask at once; the uid is unique in the table).
     */
    public Application createOrFind(String uid, String name) {
        try {
            return create(AppDraft.of(uid, name));
        } catch (ConflictException raced) {
            return get(uid);
        }
    }

    public List<Application> list(int limit, int offset) {
        return store.list(limit, offset);
    }

    public long count() {
        return store.count();
    }

    /** @return what deleting the application would delete with it */
    public Holdings holdings(String ref) {
        return store.holdings(get(ref).id());
    }

    /**
     * Deletes the application with its webhooks, deliveries, inbound webhooks, secrets and tokens.
     *
     * @param confirm must be the application's uid: a removal is not undone
     * @throws ValidationException if {@code confirm} is not the uid (saying what would be deleted)
     * @throws ConflictException for the default application
     */
    public void delete(String ref, String confirm) {
        Application a = get(ref);
        if (a.isDefault()) {
            throw new ConflictException("the default application holds what was made without naming one and cannot "
                    + "be deleted");
        }
        if (!a.uid().equals(confirm)) {
            Holdings h = store.holdings(a.id());
            throw ValidationException.of("confirm", "deleting application '" + a.uid() + "' deletes its "
                    + h.webhooks() + " webhook(s), " + h.deliveries() + " deliveries, " + h.inboundWebhooks()
                    + " inbound webhook(s) and " + h.secrets() + " secret(s) for good; confirm with its uid ('"
                    + a.uid() + "')");
        }
        store.delete(a.id());
    }

    private static ConflictException taken(String uid) {
        return new ConflictException("an application with the uid '" + uid + "' exists; uids are unique");
    }

    private static String uid(String uid, Map<String, String> problems) {
        if (uid == null || uid.isBlank()) {
            problems.put("uid", "is required: your own id of the customer, e.g. acme");
        } else if (!UID.matcher(uid).matches()) {
            problems.put("uid", "must be 1 to 100 letters, digits and _ . : @ - (starting with a letter or digit)");
        }
        return uid;
    }

    private static String name(String name, Map<String, String> problems) {
        if (name == null || name.isBlank()) {
            problems.put("name", "is required");
            return name;
        }
        if (name.strip().length() > 200) {
            problems.put("name", "at most 200 characters");
        }
        return name.strip();
    }

    private ObjectNode metadata(ObjectNode metadata, Map<String, String> problems) {
        if (metadata == null) {
            return mapper.createObjectNode();
        }
        try {
            if (mapper.writeValueAsString(metadata).getBytes(StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
                problems.put("metadata", "at most " + MAX_METADATA_BYTES / 1024 + " KB of JSON");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.put("metadata", "must be a JSON object");
        }
        return metadata;
    }
}
