package io.plugboard.host.internal.plugins;

import io.plugboard.repository.SignatureCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.PluginDescriptor;

/**
 * What the host knows of each jar in the plugins folder: which plugin and version it holds, or why it
 * cannot be read. Rebuilt from every look at the folder, so nothing here outlives its file; a jar
 * still being written keeps what was known of its previous content until it is complete.
 */
final class FolderJars {

    /**
     * One jar: its descriptor and what its signature says, or the problem that keeps it from being a
     * plugin (then descriptor and signature are null).
     */
    record Jar(Path file, Fingerprint fingerprint, PluginDescriptor descriptor, SignatureCheck signature, String problem) {

        String id() {
            return descriptor == null ? null : descriptor.getPluginId();
        }

        String version() {
            return descriptor == null ? "" : descriptor.getVersion();
        }

        boolean is(Path otherFile, Fingerprint otherFingerprint) {
            return file.equals(otherFile) && fingerprint.equals(otherFingerprint);
        }
    }

    private final JarInspector inspector;
    private final PluginTrust trust;
    private final Map<Path, Jar> known = new TreeMap<>();

    FolderJars(JarInspector inspector, PluginTrust trust) {
        this.inspector = inspector;
        this.trust = trust;
    }

    /**
     * @param now every jar in the folder now
     * @param ready the jars that may be read (unchanged since the previous look), or null for all of them
     */
    void update(Map<Path, Fingerprint> now, Map<Path, Fingerprint> ready) {
        known.keySet().retainAll(now.keySet());
        now.forEach((file, fingerprint) -> {
            Jar jar = known.get(file);
            if ((jar == null || !jar.fingerprint().equals(fingerprint))
                    && (ready == null || fingerprint.equals(ready.get(file)))) {
                known.put(file, read(file, fingerprint));
            }
        });
    }

    private Jar read(Path file, Fingerprint fingerprint) {
        try {
            PluginDescriptor descriptor = inspector.readDescriptor(file);
            return new Jar(file, fingerprint, descriptor, trust.checkInFolder(file), null);
        } catch (BadPluginJarException e) {
            return new Jar(file, fingerprint, null, null, e.getMessage());
        }
    }

    /** Records a jar the host wrote itself (an upload), whose descriptor and signature were just checked. */
    Jar record(Path file, Fingerprint fingerprint, PluginDescriptor descriptor, SignatureCheck signature) {
        Jar jar = new Jar(file, fingerprint, descriptor, signature, null);
        known.put(file, jar);
        return jar;
    }

    /** Marks a jar as no plugin the host can load (e.g. its full check failed when it was to be installed). */
    void broken(Jar jar, String problem) {
        known.put(jar.file(), new Jar(jar.file(), jar.fingerprint(), null, null, problem));
    }

    void forget(Path file) {
        known.remove(file);
    }

    Jar at(Path file) {
        return known.get(file);
    }

    List<Jar> all() {
        return List.copyOf(known.values());
    }

    /** @return the readable jars of the plugin, highest version first (then by file name) */
    List<Jar> of(String id) {
        List<Jar> jars = new ArrayList<>();
        for (Jar jar : known.values()) {
            if (id.equals(jar.id())) {
                jars.add(jar);
            }
        }
        jars.sort(Comparator.comparing(Jar::version, (a, b) -> inspector.lower(a, b) ? 1 : inspector.lower(b, a) ? -1 : 0)
                .thenComparing(Jar::file));
        return jars;
    }

    /** @return the plugin ids the readable jars hold, in order */
    List<String> ids() {
        return known.values().stream().map(Jar::id).filter(id -> id != null).distinct().sorted().toList();
    }
}
