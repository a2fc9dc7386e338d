package io.plugboard.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRepositoryBuilder {

    @TempDir
    Path dir;

    private final Clock day1 = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final Clock day5 = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void listsEveryPluginWithItsReleasesNewestFirstSignedAndHashed() throws Exception {
        Path v100 = PluginJars.write(dir, "invoice-plugin", "1.0.0", "Plugin-Requires", ">=0.1.0");
        PluginJars.write(dir, "invoice-plugin", "1.0.10", "Plugin-Name", "Invoices", "Plugin-Homepage", "https://acme.example");
        PluginJars.write(dir, "invoice-plugin", "1.0.2");
        PluginJars.write(dir, "audit-plugin", "0.3.0");
        Files.writeString(dir.resolve("invoice-plugin-1.0.2.md"), "Fixes rounding.\n");
        SigningKey key = SigningKey.generate();

        PluginIndex index = new RepositoryBuilder(day1).build(dir, "https://plugins.acme.example/repo", key);

        assertThat(index.plugins()).extracting(PluginListing::id).containsExactly("audit-plugin", "invoice-plugin");
        PluginListing invoice = index.find("invoice-plugin").orElseThrow();
        assertThat(invoice.name()).isEqualTo("Invoices");
        assertThat(invoice.homepage()).isEqualTo("https://acme.example");
        assertThat(invoice.provider()).isEqualTo("Acme");
        assertThat(invoice.releases()).extracting(Release::version).containsExactly("1.0.10", "1.0.2", "1.0.0");
        Release oldest = invoice.release("1.0.0").orElseThrow();
        assertThat(oldest.requires()).isEqualTo(">=0.1.0");
        assertThat(oldest.url()).isEqualTo("https://plugins.acme.example/repo/invoice-plugin-1.0.0.jar");
        assertThat(oldest.sha512()).isEqualTo(JarDigest.sha512Hex(v100));
        assertThat(oldest.date()).isEqualTo("2026-12-01");
        assertThat(invoice.release("1.0.2").orElseThrow().notes()).isEqualTo("Fixes rounding.");
        assertThat(invoice.release("1.0.10").orElseThrow().requires()).isEqualTo("*");
        assertThat(TrustedKeys.none().check(v100, oldest.signature()).keyId()).isEqualTo(key.keyId());
        assertThat(IndexFormat.readSignature(Files.readAllBytes(dir.resolve("invoice-plugin-1.0.0.jar.sig"))))
                .isEqualTo(oldest.signature());
        assertThat(IndexFormat.readIndex(Files.readAllBytes(dir.resolve("plugins.json")))).isEqualTo(index);
    }

    @Test
    void aRebuildKeepsDatesAndNotesOfUnchangedReleasesAndTheirSignatures() throws Exception {
        PluginJars.write(dir, "invoice-plugin", "1.0.0");
        Files.writeString(dir.resolve("invoice-plugin-1.0.0.md"), "First.");
        SigningKey key = SigningKey.generate();
        new RepositoryBuilder(day1).build(dir, null, key);
        Files.delete(dir.resolve("invoice-plugin-1.0.0.md"));
        PluginJars.write(dir, "invoice-plugin", "1.1.0");

        PluginIndex index = new RepositoryBuilder(day5).build(dir, null, null);

        Release kept = index.find("invoice-plugin").orElseThrow().release("1.0.0").orElseThrow();
        assertThat(kept.date()).isEqualTo("2026-12-01");
        assertThat(kept.notes()).isEqualTo("First.");
        assertThat(kept.signature().keyId()).isEqualTo(key.keyId());
        assertThat(kept.url()).isEqualTo("invoice-plugin-1.0.0.jar");
        Release added = index.find("invoice-plugin").orElseThrow().release("1.1.0").orElseThrow();
        assertThat(added.date()).isEqualTo("2026-12-05");
        assertThat(added.signature()).isNull();
    }

    @Test
    void aJarThatIsNotAPluginOrAVersionTwiceIsRefusedByName() throws Exception {
        Path jar = PluginJars.write(dir, "invoice-plugin", "1.0.0");
        Files.copy(jar, dir.resolve("copy-of-invoice.jar"));

        assertThatThrownBy(() -> new RepositoryBuilder(day1).build(dir, null, null))
                .isInstanceOf(InvalidIndexException.class).hasMessageContaining("invoice-plugin 1.0.0 is in the folder twice");

        Files.delete(dir.resolve("copy-of-invoice.jar"));
        Files.writeString(dir.resolve("notes.jar"), "not a zip");
        assertThatThrownBy(() -> new RepositoryBuilder(day1).build(dir, null, null))
                .isInstanceOf(InvalidIndexException.class).hasMessageContaining("notes.jar is not a readable jar");
        assertThat(dir.resolve("plugins.json")).doesNotExist();
    }
}
