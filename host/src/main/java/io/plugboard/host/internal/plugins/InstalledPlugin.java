package io.plugboard.host.internal.plugins;

import io.plugboard.repository.SignatureCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.pf4j.PluginDescriptor;

/**
 * One plugin the host knows: its jar in the plugins folder (or, in development mode, a classes
 * directory), the private copy it is loaded from, and where it stands. Changed only under the
 * plugin service's lock.
 */
final class InstalledPlugin {

    private final String id;
    private final boolean development;
    private Path source;
    private Fingerprint fingerprint;
    private Path copy;
    private PluginDescriptor descriptor;
    private SignatureCheck signature;
    private boolean wanted;
    private PluginStatus status = PluginStatus.INACTIVE;
    private String reason;
    private List<String> warnings = List.of();
    private List<String> checkWarnings = List.of();

    /**
     * @param checkWarnings the verifier's warnings about the jar, found when it was checked
     * @param signature what the jar's signature says; null for a development plugin (the embedder's own build)
     */
    InstalledPlugin(Path source, Fingerprint fingerprint, Path copy, PluginDescriptor descriptor,
                    List<String> checkWarnings, SignatureCheck signature, boolean development, boolean wanted) {
        this.id = descriptor.getPluginId();
        this.development = development;
        this.wanted = wanted;
        replace(source, fingerprint, copy, descriptor, checkWarnings, signature);
    }

    /** Takes a new version (not yet started); @return the previous private copy, for the caller to delete */
    Path replace(Path newSource, Fingerprint newFingerprint, Path newCopy, PluginDescriptor newDescriptor,
                 List<String> newCheckWarnings, SignatureCheck newSignature) {
        Path previous = copy;
        source = newSource;
        fingerprint = newFingerprint;
        copy = newCopy;
        descriptor = newDescriptor;
        checkWarnings = List.copyOf(newCheckWarnings);
        signature = newSignature;
        set(PluginStatus.INACTIVE, null);
        warnings = List.of();
        return previous;
    }

    void set(PluginStatus newStatus, String newReason) {
        status = newStatus;
        reason = newReason;
    }

    String id() { return id; }
    boolean development() { return development; }
    Path source() { return source; }
    Fingerprint fingerprint() { return fingerprint; }
    Path copy() { return copy; }
    PluginDescriptor descriptor() { return descriptor; }
    SignatureCheck signature() { return signature; }
    String version() { return descriptor.getVersion(); }
    boolean wanted() { return wanted; }
    void wanted(boolean value) { wanted = value; }
    PluginStatus status() { return status; }
    String reason() { return reason; }
    /** @return the verifier's warnings about its jar, then those of its last start, each once */
    List<String> warnings() { return Stream.concat(checkWarnings.stream(), warnings.stream()).distinct().toList(); }
    /** @param value what went wrong although it started ({@link StartWarnings}) */
    void warnings(List<String> value) { warnings = List.copyOf(value); }
    /** @return the verifier's warnings about the jar of this version */
    List<String> checkWarnings() { return checkWarnings; }

    /** @return true if this plugin needs the given one (a required or optional dependency) */
    boolean dependsOn(String pluginId) {
        return descriptor.getDependencies().stream().anyMatch(d -> d.getPluginId().equals(pluginId));
    }
}
