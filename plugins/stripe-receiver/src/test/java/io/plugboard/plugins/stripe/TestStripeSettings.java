package io.plugboard.plugins.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.sdk.settings.InvalidSettingsException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** verify() wants whsec_ secrets, names the wrong one by position and never shows it. */
class TestStripeSettings {

    private final StripeReceiver receiver = new StripeReceiver();

    @Test
    void one_or_several_whsec_secrets_are_accepted() {
        assertThatCode(() -> receiver.verify(Map.of("secret", "whsec_abc"))).doesNotThrowAnyException();
        assertThat(StripeSettings.secrets(" whsec_a,whsec_b\n\nwhsec_c ")).containsExactly("whsec_a", "whsec_b", "whsec_c");
        assertThat(StripeSettings.tolerance("")).isEqualTo(Duration.ofSeconds(300));
        assertThat(StripeSettings.tolerance("60")).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void a_missing_or_foreign_secret_is_named_without_showing_it() {
        assertThatThrownBy(() -> receiver.verify(Map.of()))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).containsKey("secret"));
        assertThatThrownBy(() -> receiver.verify(Map.of("secret", "whsec_ok, sk_live_leaked")))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems().get("secret"))
                        .contains("secret 2").contains("whsec_").doesNotContain("sk_live_leaked"));
        assertThatThrownBy(() -> receiver.verify(Map.of("secret", "whsec_")))
                .isInstanceOf(InvalidSettingsException.class);
    }
}
