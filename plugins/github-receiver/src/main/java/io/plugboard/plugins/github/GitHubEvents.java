package io.plugboard.plugins.github;

import io.plugboard.sdk.EventType;
import io.plugboard.sdk.EventTypeProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The event types the GitHub receiver emits, {@code github.<event>} for the GitHub events it declares
 * plus {@code github.other}; samples and schemas are JSON files in this jar ({@code /github/…}).
 */
@Extension
public class GitHubEvents implements EventTypeProvider {

    static final String PREFIX = "github.";
    static final String OTHER = PREFIX + "other";
    static final String PING = "ping";

    /** The GitHub event names with a type of their own, with the catalog's name and description. */
    static final Map<String, String[]> DECLARED = declared();

    private static Map<String, String[]> declared() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put(PING, new String[] {"GitHub ping", "GitHub checked the webhook: sent once when it is created, and by Redeliver/Test."});
        m.put("push", new String[] {"GitHub push", "Commits or tags were pushed to a repository."});
        m.put("pull_request", new String[] {"GitHub pull request", "A pull request was opened, closed, reopened, edited, synchronized, labeled, …"});
        m.put("pull_request_review", new String[] {"GitHub pull request review", "A review on a pull request was submitted, edited or dismissed."});
        m.put("issues", new String[] {"GitHub issue", "An issue was opened, edited, closed, reopened, assigned, labeled, …"});
        m.put("issue_comment", new String[] {"GitHub issue comment", "A comment on an issue or pull request was created, edited or deleted."});
        m.put("release", new String[] {"GitHub release", "A release was published, created, edited, released, deleted, …"});
        m.put("workflow_run", new String[] {"GitHub workflow run", "A GitHub Actions workflow run was requested, is in progress, or completed."});
        m.put("workflow_job", new String[] {"GitHub workflow job", "A GitHub Actions job was queued, started (in_progress), completed or is waiting."});
        m.put("create", new String[] {"GitHub branch or tag created", "A branch or tag was created."});
        m.put("delete", new String[] {"GitHub branch or tag deleted", "A branch or tag was deleted."});
        m.put("star", new String[] {"GitHub star", "A repository was starred or unstarred."});
        m.put("fork", new String[] {"GitHub fork", "A repository was forked."});
        return Collections.unmodifiableMap(m);
    }

    @Override
    public List<EventType> eventTypes() {
        List<EventType> types = new ArrayList<>();
        DECLARED.forEach((event, text) -> types.add(type(PREFIX + event, text[0], text[1])));
        types.add(type(OTHER, "GitHub event (other)",
                "A GitHub event without a type of its own; data.event names it (when unknown_events is other)."));
        return types;
    }

    private static EventType type(String key, String name, String description) {
        return EventType.builder(key).name(name).description(description).group("GitHub")
                .sampleResource(GitHubEvents.class, "/github/samples/" + key + ".json")
                .schemaResource(GitHubEvents.class, "/github/schemas/" + key + ".schema.json")
                .build();
    }
}
