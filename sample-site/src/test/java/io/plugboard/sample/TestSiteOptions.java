package io.plugboard.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSiteOptions {

    @Test
    void defaults() {
        SiteOptions o = SiteOptions.parse(new String[0], Map.of());
        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.host()).isEqualTo("127.0.0.1");
        assertThat(o.dataDir()).isEqualTo(Path.of("plugboard-data"));
        assertThat(o.pluginsDir().getFileName()).isEqualTo(Path.of("plugins"));
    }

    @Test
    void environmentThenFlags() {
        Map<String, String> env = Map.of("PLUGBOARD_PORT", "9000", "PLUGBOARD_DATA_DIR", "/srv/data",
                "PLUGBOARD_PLUGINS_DIR", "/srv/plugins", "PLUGBOARD_HOST", "0.0.0.0");
        SiteOptions fromEnv = SiteOptions.parse(new String[0], env);
        assertThat(fromEnv.port()).isEqualTo(9000);
        assertThat(fromEnv.host()).isEqualTo("0.0.0.0");
        assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/srv/data"));
        assertThat(fromEnv.pluginsDir()).isEqualTo(Path.of("/srv/plugins"));

        assertThat(fromEnv.allowPrivateTargets()).isFalse();
        SiteOptions flags = SiteOptions.parse(new String[] {"--port=9100", "--data-dir", "d", "--plugins-dir=p",
                "--allow-private-targets", "--allow-target", "10.1.0.0/16", "--allow-target=hooks.lan"}, env);
        assertThat(flags.allowPrivateTargets()).isTrue();
        assertThat(flags.allowedTargets()).containsExactly("10.1.0.0/16", "hooks.lan");
        assertThat(SiteOptions.parse(new String[0], Map.of("PLUGBOARD_ALLOW_PRIVATE_TARGETS", "true",
                "PLUGBOARD_ALLOW_TARGETS", "a.lan, 192.168.1.0/24")).allowedTargets()).containsExactly("a.lan", "192.168.1.0/24");
        assertThat(flags.port()).isEqualTo(9100);
        assertThat(flags.dataDir()).isEqualTo(Path.of("d"));
        assertThat(flags.pluginsDir()).isEqualTo(Path.of("p"));
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertThatThrownBy(() -> SiteOptions.parse(new String[] {"--port", "http"}, Map.of()))
                .hasMessage("port must be a number, not 'http'");
        assertThatThrownBy(() -> SiteOptions.parse(new String[] {"--port", "99999"}, Map.of()))
                .hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> SiteOptions.parse(new String[] {"--colour", "red"}, Map.of()))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> SiteOptions.parse(new String[] {"--data-dir"}, Map.of()))
                .hasMessage("--data-dir needs a value");
        assertThat(SiteOptions.parse(new String[] {"--help"}, Map.of()).help()).isTrue();
        assertThatThrownBy(() -> SiteOptions.parse(new String[] {"--admin-user", "root"}, Map.of()))
                .hasMessageContaining("both --admin-user and --admin-password");
        SiteOptions admin = SiteOptions.parse(new String[0], Map.of("PLUGBOARD_ADMIN_USER", "root",
                "PLUGBOARD_ADMIN_PASSWORD", "a long passphrase"));
        assertThat(admin.adminUser()).isEqualTo("root");
        assertThat(admin.adminPassword()).isEqualTo("a long passphrase");
    }
}
