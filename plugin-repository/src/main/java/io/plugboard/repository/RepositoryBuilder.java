package io.plugboard.repository;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.pf4j.DefaultVersionManager;

/**
 * Builds a repository from a folder of plugin jars: reads each jar's manifest, computes its SHA-512,
 * signs it when given a key (writing {@code NAME.jar.sig} beside it; an existing {@code .sig} is kept
 * when no key is given), takes release notes from {@code NAME.md} beside the jar, and writes
 * {@code plugins.json} into the folder. Rebuilding keeps each unchanged release's date and notes from
 * the previous index, so publishing is: add a jar, rebuild, copy the folder to a web server.
 */
public final class RepositoryBuilder {

    private final Clock clock;
    private final DefaultVersionManager versions = new DefaultVersionManager();

    public RepositoryBuilder(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param baseUrl the URL the folder will be served at, or null for URLs relative to plugins.json
     * @param key the publisher's key, or null to keep existing signatures (and leave the rest unsigned)
     * @return the index written to {@code dir/plugins.json}
     * @throws InvalidIndexException if a jar is not a plugin, or one version of a plugin is there twice
     */
    public PluginIndex build(Path dir, String baseUrl, SigningKey key) throws IOException {
        PluginIndex previous = previous(dir.resolve("plugins.json"));
        Map<String, List<Release>> releases = new TreeMap<>();
        Map<String, JarDescriptor> newest = new TreeMap<>();
        for (Path jar : jars(dir)) {
            JarDescriptor descriptor = JarDescriptor.read(jar);
            List<Release> list = releases.computeIfAbsent(descriptor.id(), id -> new ArrayList<>());
            if (list.stream().anyMatch(r -> r.version().equals(descriptor.version()))) {
                throw new InvalidIndexException(descriptor.id() + " " + descriptor.version() + " is in the folder twice; "
                        + "remove one of the jars");
            }
            list.add(release(jar, descriptor, baseUrl, key, previous));
            JarDescriptor kept = newest.get(descriptor.id());
            if (kept == null || versions.compareVersions(descriptor.version(), kept.version()) > 0) {
                newest.put(descriptor.id(), descriptor);
            }
        }
        List<PluginListing> plugins = new ArrayList<>();
        for (JarDescriptor d : newest.values()) {
            List<Release> sorted = new ArrayList<>(releases.get(d.id()));
            sorted.sort(Comparator.comparing(Release::version, versions::compareVersions).reversed());
            plugins.add(new PluginListing(d.id(), d.name(), d.description(), d.provider(), d.homepage(), sorted));
        }
        PluginIndex index = new PluginIndex(PluginIndex.FORMAT, clock.instant().toString(), plugins);
        Path temporary = dir.resolve("plugins.json.tmp");
        Files.write(temporary, IndexFormat.write(index));
        Files.move(temporary, dir.resolve("plugins.json"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        return index;
    }

    private Release release(Path jar, JarDescriptor d, String baseUrl, SigningKey key, PluginIndex previous)
            throws IOException {
        String fileName = jar.getFileName().toString();
        String sha512 = JarDigest.sha512Hex(jar);
        Release before = previous.find(d.id()).flatMap(p -> p.release(d.version()))
                .filter(r -> r.sha512().equals(sha512)).orElse(null);
        Path sigFile = jar.resolveSibling(ReleaseSignature.fileNameFor(fileName));
        ReleaseSignature signature;
        if (key != null) {
            signature = key.sign(jar);
            Files.write(sigFile, IndexFormat.write(signature));
        } else {
            signature = Files.isRegularFile(sigFile) ? IndexFormat.readSignature(Files.readAllBytes(sigFile)) : null;
        }
        Path notesFile = jar.resolveSibling(fileName.substring(0, fileName.length() - ".jar".length()) + ".md");
        String notes = Files.isRegularFile(notesFile) ? Files.readString(notesFile).strip()
                : before == null ? null : before.notes();
        String date = before != null && before.date() != null ? before.date() : LocalDate.now(clock).toString();
        return new Release(d.version(), date, d.requires(), url(baseUrl, fileName), sha512, signature, notes);
    }

    private static String url(String baseUrl, String fileName) {
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        if (baseUrl == null || baseUrl.isBlank()) {
            return encoded;
        }
        return (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + encoded;
    }

    private static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().toList();
        }
    }

    private static PluginIndex previous(Path file) throws IOException {
        return Files.isRegularFile(file) ? IndexFormat.readIndex(Files.readAllBytes(file))
                : new PluginIndex(PluginIndex.FORMAT, null, List.of());
    }
}
