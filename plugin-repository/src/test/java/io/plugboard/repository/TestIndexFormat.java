package io.plugboard.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TestIndexFormat {

    private static final String SHA = "a".repeat(128);

    @Test
    void readsTheDocumentedFormatAndIgnoresKeysItDoesNotKnow() {
        PluginIndex index = read("""
                {"format": 1, "generated_at": "2026-12-05T10:00:00Z", "mirrors": [], "plugins": [
                  {"id": "invoice-plugin", "name": "Invoices", "description": "d", "provider": "Acme",
                   "homepage": "https://acme.example", "releases": [
                     {"version": "1.0.2", "date": "2026-12-05", "requires": ">=0.1.0", "url": "invoice-plugin-1.0.2.jar",
                      "sha512": "%s", "notes": "Fixes rounding.",
                      "signature": {"algorithm": "ed25519-sha512", "key_id": "0123456789abcdef", "value": "AAAA"}}]}]}
                """.formatted(SHA));

        Release release = index.find("invoice-plugin").orElseThrow().release("1.0.2").orElseThrow();
        assertThat(release.signature().keyId()).isEqualTo("0123456789abcdef");
        assertThat(release.notes()).isEqualTo("Fixes rounding.");
        assertThat(new String(IndexFormat.write(index), StandardCharsets.UTF_8)).contains("\"generated_at\"", "\"key_id\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"format\": 2, \"plugins\": []}                                                   | this host reads format 1",
        "{\"format\": 1, \"plugins\": [{\"id\": \"../x\"}]}                                  | plugins[0].id must be a plugin id",
        "{\"format\": 1, \"plugins\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}                     | plugins[1].id 'a' is listed twice",
        "{\"format\": 1, \"plugins\": [{\"id\": \"a\", \"releases\": [{\"url\": \"x\"}]}]}     | plugins[0].releases[0].version is missing",
        "{\"format\": 1, \"plugins\": [{\"id\": \"a\", \"releases\": [{\"version\": \"1\", \"url\": \"x\", \"sha512\": \"AB\"}]}]} | plugins[0].releases[0].sha512 must be",
        "{\"format\": 1, \"plugins\": [{\"id\": \"a\", \"releases\": [{\"version\": \"1\"}]}]} | plugins[0].releases[0].url is missing",
        "[1, 2]                                                                          | plugins.json is not valid",
        "{\"format\": 1, \"plugins\": [                                                  | plugins.json is not valid",
    })
    void refusesWhatAHostCannotUseAndSaysWhere(String json, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(InvalidIndexException.class).hasMessageContaining(message);
    }

    @Test
    void aSignatureOfAnotherAlgorithmIsRefused() {
        assertThatThrownBy(() -> IndexFormat.readSignature("{\"algorithm\": \"rsa\", \"key_id\": \"k\", \"value\": \"v\"}"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidIndexException.class).hasMessageContaining("must be 'ed25519-sha512'");
    }

    private static PluginIndex read(String json) {
        return IndexFormat.readIndex(json.getBytes(StandardCharsets.UTF_8));
    }
}
