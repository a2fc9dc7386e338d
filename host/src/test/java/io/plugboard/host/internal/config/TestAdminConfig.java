package io.plugboard.host.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestAdminConfig {

    @Test
    void itsTextLeavesThePasswordOut() {
        AdminConfig admin = new AdminConfig("root", "correct horse battery", Duration.ofMinutes(30), LoginConfig.OWN);

        assertThat(admin.toString()).contains("root").doesNotContain("correct horse battery");
    }
}
