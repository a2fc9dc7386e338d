package io.plugboard.host.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host's packages in layers, top to bottom, as docs/architecture.md lists them: a class may use
 * its own layer's package and those below, never one above; packages of one layer do not use each
 * other; and no package circle anywhere.
 */
class TestLayers {

    private static final String HOST = "io.plugboard.host";
    private static final String INTERNAL = HOST + ".internal.";

    /** Top to bottom; the packages of one row are siblings. Keep in step with docs/architecture.md. */
    static final List<List<String>> LAYERS = List.of(
            List.of(HOST),
            internal("wiring"),
            internal("web"),
            internal("web.admin", "web.api", "web.portal"),
            internal("web.http"),
            internal("config"),
            internal("inspector"),
            internal("stats"),
            internal("inbound"),
            internal("delivery"),
            internal("contrib"),
            internal("migrations"),
            internal("repository"),
            internal("instances"),
            internal("plugins"),
            internal("payloads"),
            internal("outbound"),
            internal("portal"),
            internal("apps"),
            internal("events"),
            internal("filters"),
            internal("settings"),
            internal("secrets"),
            internal("auth"),
            internal("hooks"),
            internal("storage"),
            internal("tracing"),
            internal("common"));

    private static JavaClasses classes;

    @BeforeAll
    static void importHost() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(HOST);
    }

    @Test
    void no_package_uses_a_package_above_it_or_beside_it() {
        for (int i = 0; i < LAYERS.size(); i++) {
            List<String> forbidden = new ArrayList<>();
            for (int above = 0; above < i; above++) {
                forbidden.addAll(LAYERS.get(above));
            }
            for (String pkg : LAYERS.get(i)) {
                List<String> notForThisOne = new ArrayList<>(forbidden);
                LAYERS.get(i).stream().filter(sibling -> !sibling.equals(pkg)).forEach(notForThisOne::add);
                if (notForThisOne.isEmpty()) {
                    continue;
                }
                noClasses().that().resideInAPackage(pkg)
                        .should().dependOnClassesThat().resideInAnyPackage(notForThisOne.toArray(String[]::new))
                        .because(pkg + " sits below " + notForThisOne + " in docs/architecture.md's layers")
                        .check(classes);
            }
        }
    }

    @Test
    void every_host_package_has_a_place_in_the_layers() {
        List<String> placed = LAYERS.stream().flatMap(List::stream).toList();
        noClasses().should().resideOutsideOfPackages(placed.toArray(String[]::new))
                .because("a new package needs its row in TestLayers.LAYERS and docs/architecture.md")
                .check(classes);
    }

    @Test
    void no_package_circles() {
        SlicesRuleDefinition.slices().matching(HOST + ".(**)").should().beFreeOfCycles().check(classes);
    }

    private static List<String> internal(String... names) {
        return List.of(names).stream().map(n -> INTERNAL + n).toList();
    }
}
