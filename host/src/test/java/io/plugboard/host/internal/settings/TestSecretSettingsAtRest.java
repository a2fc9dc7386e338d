package io.plugboard.host.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.internal.secrets.SealedValues;
import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/**
 * Plugin settings declared secret are stored sealed with the secrets key, on a real database: the
 * row never holds the plain value, the plugin reads the plain value, a row moved to another setting
 * does not open, a value from before sealing still reads, a changed key makes it unset (not an error).
 */
class TestSecretSettingsAtRest {

    private static final String SECRET = "sk_live_0123456789abcdef";
    private static final List<Setting> DECLARED = List.of(
            Setting.builder("api_key", SettingType.STRING).label("API key").secret().build(),
            Setting.builder("other_key", SettingType.STRING).label("Other key").secret().build(),
            Setting.builder("tag", SettingType.STRING).label("Tag").build());

    @Test
    void secretsAreSealedInTheRowAndOpenForThePlugin() throws Exception {
        SecretKey key = newKey();
        try (Database db = TestDatabases.openDatabase()) {
            SettingsService settings = service(db, key);
            settings.update("observer", Map.of("api_key", SECRET, "tag", "v1:plain text"), false);

            assertThat(row(db, "api_key")).doesNotContain(SECRET).startsWith("v1:");
            assertThat(row(db, "tag")).as("only secret settings are sealed").isEqualTo("v1:plain text");
            assertThat(settings.value("observer", "api_key")).contains(SECRET);
            assertThat(service(db, key).value("observer", "api_key")).as("read back from the row").contains(SECRET);
            assertThat(service(db, key).value("observer", "tag")).contains("v1:plain text");

            db.jdbi().useHandle(h -> h.execute("UPDATE plugin_settings SET setting_value = ? WHERE setting_key = ?",
                    row(db, "api_key"), "other_key"));
            assertThat(service(db, key).value("observer", "other_key")).as("a sealed value copied to another setting")
                    .isEmpty();
            assertThat(service(db, newKey()).value("observer", "api_key")).as("sealed with another key").isEmpty();
            assertThat(service(db, newKey()).view("observer")).as("still shows its settings")
                    .extracting(SettingView::key).contains("api_key", "tag");
        }
    }

    @Test
    void aValueStoredBeforeSealingStillReadsAndIsSealedWhenWrittenAgain() throws Exception {
        SecretKey key = newKey();
        try (Database db = TestDatabases.openDatabase()) {
            db.jdbi().useHandle(h -> h.execute("INSERT INTO plugin_settings (plugin_id, setting_key, setting_value, "
                    + "updated_at) VALUES ('observer', 'api_key', ?, 0)", SECRET));
            SettingsService settings = service(db, key);
            assertThat(settings.value("observer", "api_key")).contains(SECRET);

            settings.update("observer", Map.of("api_key", SECRET + "2"), false);
            assertThat(row(db, "api_key")).doesNotContain(SECRET);
            assertThat(service(db, key).value("observer", "api_key")).contains(SECRET + "2");
        }
    }

    private static SettingsService service(Database db, SecretKey key) {
        SettingsService settings = new SettingsService(db.jdbi(), new SealedValues(key), Clock.systemUTC());
        settings.declare("observer", DECLARED);
        return settings;
    }

    private static String row(Database db, String key) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT setting_value FROM plugin_settings "
                + "WHERE plugin_id = 'observer' AND setting_key = :k").bind("k", key).mapTo(String.class).one());
    }

    private static SecretKey newKey() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        return generator.generateKey();
    }
}
