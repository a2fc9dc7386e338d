package io.plugboard.host.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.internal.auth.PasswordHashing;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestAdminConfig {

    @Test
    void itsTextLeavesThePasswordOut() {
        AdminConfig admin = new AdminConfig("root", "correct horse battery", Duration.ofMinutes(30), LoginConfig.OWN,
                PasswordHashing.standard());

        assertThat(admin.toString()).contains("root").doesNotContain("correct horse battery");
    }
}
