package io.plugboard.host.internal.plugins;

import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.repository.SignatureCheck;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.pf4j.PluginDescriptor;

/** Turns the catalog into what the admin page and the API show. */
final class PluginReports {

    private final EventTypeRegistry registry;

    PluginReports(EventTypeRegistry registry) {
        this.registry = registry;
    }

    PluginReport of(InstalledPlugin plugin, PluginCatalog catalog) {
        PluginDescriptor d = plugin.descriptor();
        List<PluginReport.Dependency> dependencies = d.getDependencies().stream()
                .map(dep -> new PluginReport.Dependency(dep.getPluginId(), versionRange(dep.getPluginVersionSupport()),
                        dep.isOptional(), catalog.find(dep.getPluginId()) != null
                                && catalog.find(dep.getPluginId()).status() == PluginStatus.ACTIVE))
                .toList();
        List<String> dependents = catalog.all().stream().filter(p -> p.dependsOn(plugin.id()))
                .map(InstalledPlugin::id).toList();
        return new PluginReport(plugin.id(), d.getVersion(), nullToEmpty(d.getProvider()),
                nullToEmpty(d.getPluginDescription()), nullToEmpty(d.getRequires()),
                plugin.source().getFileName().toString(), plugin.status().label(), plugin.reason(),
                plugin.development(), dependencies, dependents, registry.keysOf(plugin.id()), plugin.warnings(),
                signature(plugin.signature()));
    }

    /** @param jars the jars listed besides the installed plugins ({@link FolderRows}) */
    List<PluginReport> all(PluginCatalog catalog, List<JarRow> jars) {
        List<PluginReport> reports = new ArrayList<>();
        catalog.all().forEach(p -> reports.add(of(p, catalog)));
        for (JarRow jar : jars) {
            String name = jar.file().getFileName().toString();
            reports.add(new PluginReport(jar.id() == null ? name : jar.id(), jar.version(), "", "", "", name,
                    jar.state().label(), jar.reason(), false, List.of(), List.of(), List.of(), List.of(), null));
        }
        // By id; a plugin's own row before the other jars of it, those by file name.
        reports.sort(Comparator.comparing(PluginReport::id).thenComparing(r -> !r.installed())
                .thenComparing(PluginReport::file));
        return reports;
    }

    private static PluginReport.Signature signature(SignatureCheck check) {
        return check == null ? null : new PluginReport.Signature(check.status().name().toLowerCase(Locale.ROOT),
                check.keyId(), check.keyName(), check.describe());
    }

    private static String versionRange(String support) {
        return support == null || support.isBlank() ? "*" : support;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
