package io.plugboard.plugins.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.sdk.settings.InvalidSettingsException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** verify() names each setting that is wrong; the allow-list reads commas, spaces and lines. */
class TestGitHubSettings {

    private final GitHubReceiver receiver = new GitHubReceiver();

    @Test
    void a_secret_and_a_clean_allow_list_are_accepted() {
        assertThatCode(() -> receiver.verify(Map.of("secret", "s3cr3t", "events", "push, pull_request\nissues")))
                .doesNotThrowAnyException();
        assertThat(GitHubSettings.allowList(" push, pull_request\n issues ,")).containsExactly("push", "pull_request", "issues");
        assertThat(GitHubSettings.allowList("")).isEmpty();
    }

    @Test
    void a_blank_or_padded_secret_and_a_bad_event_name_are_named() {
        assertThatThrownBy(() -> receiver.verify(Map.of("events", "Push")))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
                    assertThat(e.problems()).containsKeys("secret", "events");
                    assertThat(e.problems().get("events")).contains("'Push'");
                });
        assertThatThrownBy(() -> receiver.verify(Map.of("secret", " s3cr3t ")))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems().get("secret"))
                        .contains("white space").doesNotContain("s3cr3t"));
    }
}
