package io.plugboard.plugins.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.sdk.inbound.RejectedRequestException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** X-Hub-Signature-256 as GitHub documents it, and every way it can be wrong. */
class TestGitHubSignature {

    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    @Test
    void accepts_the_worked_example_from_githubs_documentation() {
        // docs.github.com "Validating webhook deliveries": this secret and body give this signature.
        String documented = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
        assertThat(GitHubRequests.signature(GitHubRequests.SECRET, "Hello, World!")).isEqualTo(documented);
        assertThatCode(() -> GitHubSignature.check(documented, false, HELLO, GitHubRequests.SECRET)).doesNotThrowAnyException();
        assertThatCode(() -> GitHubSignature.check(documented.toUpperCase().replace("SHA256=", "sha256="), false, HELLO,
                GitHubRequests.SECRET)).doesNotThrowAnyException();
    }

    @Test
    void refuses_another_secret_or_body_without_showing_the_secret() {
        String signature = GitHubRequests.signature("another secret", "Hello, World!");
        assertThatThrownBy(() -> GitHubSignature.check(signature, false, HELLO, GitHubRequests.SECRET))
                .isInstanceOf(RejectedRequestException.class)
                .hasMessageContaining("X-Hub-Signature-256 does not match the body")
                .hasMessageNotContaining(GitHubRequests.SECRET);
        String right = GitHubRequests.signature(GitHubRequests.SECRET, "Hello, World!");
        assertThatThrownBy(() -> GitHubSignature.check(right, false, "Hello, World?".getBytes(StandardCharsets.UTF_8),
                GitHubRequests.SECRET)).isInstanceOf(RejectedRequestException.class);
    }

    @Test
    void says_what_is_wrong_with_a_missing_or_malformed_header() {
        assertThatThrownBy(() -> GitHubSignature.check(null, false, HELLO, "s"))
                .isInstanceOf(RejectedRequestException.class).hasMessageContaining("X-Hub-Signature-256 is missing")
                .hasMessageContaining("set a Secret");
        assertThatThrownBy(() -> GitHubSignature.check(null, true, HELLO, "s"))
                .hasMessageContaining("only the SHA-1 X-Hub-Signature was sent");
        assertThatThrownBy(() -> GitHubSignature.check("sha1=abcd", false, HELLO, "s"))
                .hasMessageContaining("must start with sha256=");
        assertThatThrownBy(() -> GitHubSignature.check("sha256=not-hex", false, HELLO, "s"))
                .isInstanceOf(RejectedRequestException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> GitHubSignature.check("sha256=", false, HELLO, "s"))
                .isInstanceOf(RejectedRequestException.class);
        String signature = "sha256=" + "00".repeat(32);
        assertThatThrownBy(() -> GitHubSignature.check(signature, false, HELLO, ""))
                .isInstanceOf(RejectedRequestException.class).hasMessageContaining("secret setting is empty");
    }
}
