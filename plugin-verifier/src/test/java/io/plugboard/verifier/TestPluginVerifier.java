package io.plugboard.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check on a real jar built in the test: the problem found with its code and message, and a good plugin passing. */
class TestPluginVerifier {

    @TempDir
    Path dir;

    static final String EVENTS = """
            package test.good;
            import io.plugboard.sdk.*;
            import java.util.List;
            @org.pf4j.Extension
            public class Events implements EventTypeProvider {
                public List<EventType> eventTypes() {
                    return List.of(EventType.builder("good_done").name("Done").sample("{\\"n\\": 1}")
                            .schema("{\\"type\\": \\"object\\", \\"required\\": [\\"n\\"]}").build());
                }
            }
            """;

    static TestJar good(String id) {
        return TestJar.plugin(id).source("test.good.Events", EVENTS);
    }

    private VerificationReport verify(TestJar jar) {
        return PluginVerifier.full().verify(jar.writeTo(dir));
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Test
    void aGoodPluginPassesWithoutWarnings() {
        VerificationReport report = verify(good("good"));
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void theDescriptorNeedsAnIdAndAVersionAndShouldNameProviderAndDescription() {
        VerificationReport report = verify(good("bad id!").manifest("Plugin-Version", "one")
                .manifest("Plugin-Provider", null).manifest("Plugin-Class", "test.good.Missing"));
        assertThat(codes(report.errors())).containsExactly("descriptor-id", "descriptor-version", "descriptor-class");
        assertThat(report.errorMessages().get(1)).isEqualTo("Plugin-Version 'one' is not a version such as 1.2.0");
        assertThat(codes(report.warnings())).containsExactly("descriptor-incomplete");
        assertThat(report.warningMessages().get(0)).contains("no Plugin-Provider");
    }

    @Test
    void pluginRequiresMustBeMetByThisSdkButTheHostLeavesThatToItsOwnComparison() {
        Path jar = good("future").manifest("Plugin-Requires", ">=99.0.0").writeTo(dir);
        VerificationReport full = PluginVerifier.full().verify(jar);
        assertThat(codes(full.errors())).containsExactly("requires-unmet");
        assertThat(full.errorMessages().get(0)).contains("'>=99.0.0' is not met by this SDK");
        assertThat(PluginVerifier.withoutRunningCode().verify(jar).errors()).isEmpty();
        assertThat(codes(verify(good("odd").manifest("Plugin-Requires", "soon")).errors())).containsExactly("requires-range");
    }

    @Test
    void anExtensionMissingFromTheIndexIsAnErrorAndThePluginContributesNothing() {
        VerificationReport report = verify(good("noindex").withoutIndex());
        assertThat(codes(report.errors())).containsExactly("extension-not-indexed");
        assertThat(report.errorMessages().get(0)).startsWith("class test.good.Events is annotated @Extension but the "
                + "plugin has no META-INF/extensions.idx");
        assertThat(report.warningMessages()).containsExactly(PluginVerifier.contributesNothingWarning());
    }

    @Test
    void theIndexMayNameOnlyClassesOfThePlugin() {
        VerificationReport report = verify(good("stale").resource("META-INF/extensions.idx", "test.good.Events\ntest.good.Gone\n")
                .withoutIndex());
        assertThat(report.errorMessages()).containsExactly("META-INF/extensions.idx lists test.good.Gone, which is not in "
                + "the plugin; rebuild the jar (a stale index after a class was renamed or removed) or remove the line");
    }

    @Test
    void aPluginWithNeitherExtensionsNorMainClassIsWarnedAbout() {
        VerificationReport report = verify(TestJar.plugin("empty").source("test.empty.Util",
                "package test.empty; public class Util { }"));
        assertThat(report.errors()).isEmpty();
        assertThat(codes(report.warnings())).containsExactly("contributes-nothing");
    }

    @Test
    void aReferenceToTheHostNamesBothClasses() {
        VerificationReport report = verify(good("hosty")
                .source("io.plugboard.host.internal.common.Ids", "package io.plugboard.host.internal.common; "
                        + "public class Ids { public static String next() { return \"x\"; } }")
                .leaveOut("io.plugboard.host.internal.common.Ids")
                .source("test.good.Uses", "package test.good; public class Uses { String id() { "
                        + "return io.plugboard.host.internal.common.Ids.next(); } }"));
        assertThat(report.errorMessages()).containsExactly("class test.good.Uses refers to "
                + "io.plugboard.host.internal.common.Ids, a class of the host's internals, which change without notice; "
                + "a plugin may use only the SDK (io.plugboard.sdk)");
    }

    private static TestJar usingMissingLibrary(String id) {
        return good(id)
                .source("com.acme.lib.Thing", "package com.acme.lib; public class Thing { public static int n() { return 1; } }")
                .leaveOut("com.acme.lib.Thing")
                .source("test.good.Uses", "package test.good; public class Uses { int n() { return com.acme.lib.Thing.n(); } }");
    }

    @Test
    void aClassNeitherInTheJarNorSharedByTheHostIsAnError() {
        VerificationReport report = verify(usingMissingLibrary("unbundled"));
        assertThat(codes(report.errors())).containsExactly("unresolved-reference");
        assertThat(report.errorMessages().get(0)).startsWith("class test.good.Uses refers to com.acme.lib.Thing, which is not in");
    }

    @Test
    void withPluginDependenciesAnUnknownClassIsOnlyAWarning() {
        VerificationReport report = verify(usingMissingLibrary("dependent").manifest("Plugin-Dependencies", "acme-lib"));
        assertThat(report.errors()).isEmpty();
        assertThat(report.warningMessages()).singleElement().asString()
                .contains("com.acme.lib.Thing").contains("a plugin it depends on (acme-lib)");
    }

    @Test
    void aBundledLibrarysOptionalDependenciesAreNotReported() {
        VerificationReport report = verify(good("bundling")
                .source("com.acme.optional.Metrics", "package com.acme.optional; public class Metrics { }")
                .leaveOut("com.acme.optional.Metrics")
                .source("test.good.shaded.lib.Client", "package test.good.shaded.lib; public class Client { "
                        + "Object metrics() { return new com.acme.optional.Metrics(); } }"));
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void everyCallThatStopsTheJvmIsListed() {
        VerificationReport report = verify(good("quitter")
                .source("test.good.Quitter", "package test.good; public class Quitter { void quit() { System.exit(1); } }")
                .source("test.good.Halter", "package test.good; public class Halter { void halt() { "
                        + "Runtime.getRuntime().halt(1); Thread.currentThread().stop(); } }"));
        assertThat(codes(report.errors())).containsExactly("forbidden-call", "forbidden-call");
        assertThat(report.errorMessages()).anySatisfy(m -> assertThat(m).startsWith("class test.good.Quitter calls System.exit (in quit())"))
                .anySatisfy(m -> assertThat(m).startsWith("class test.good.Halter calls Runtime.halt (in halt()), Thread.stop (in halt())"));
        assertThat(report.describeErrors()).startsWith("2 problems: (1) class test.good.");
    }

    @Test
    void anEntryTwiceInTheJarIsAnError() {
        VerificationReport report = verify(good("twice").resource("notes.txt", "hello").twice("notes.txt"));
        assertThat(report.errorMessages()).singleElement().asString().startsWith("notes.txt is in the jar more than once");
    }

    private static TestJar withPage(String id, String template) {
        return TestJar.plugin(id).manifest("Plugin-Class", "test.page.Main").source("test.page.Main", """
                package test.page;
                import io.plugboard.sdk.*;
                import io.plugboard.sdk.web.AdminPage;
                public class Main extends PlugboardPlugin {
                    public Main(PluginContext context) { super(context); }
                    @Override public void start() {
                        context().adminPages().add(AdminPage.builder("report", "%s").title("Report").build());
                    }
                }
                """.formatted(template));
    }

    @Test
    void aPagesTemplateMustBeInTheJar() {
        VerificationReport typo = verify(withPage("typo", "templates/reprot.hbs").resource("templates/report.hbs", "<p>r</p>"));
        assertThat(codes(typo.errors())).containsExactly("missing-template");
        assertThat(typo.errorMessages().get(0)).contains("'templates/reprot.hbs', which is not in the plugin");
        assertThat(verify(withPage("fine", "templates/report.hbs").resource("templates/report.hbs", "<p>r</p>")).errors())
                .isEmpty();
    }

    @Test
    void eventTypesAreRunAndTheirSamplesCheckedAgainstTheirSchemas() {
        VerificationReport report = verify(TestJar.plugin("samples").source("test.samples.Events", """
                package test.samples;
                import io.plugboard.sdk.*;
                import java.util.List;
                @org.pf4j.Extension
                public class Events implements EventTypeProvider {
                    public List<EventType> eventTypes() {
                        return List.of(
                                EventType.builder("a").name("A").sample("{\\"n\\": \\"text\\"}")
                                        .schema("{\\"type\\": \\"object\\", \\"properties\\": {\\"n\\": {\\"type\\": \\"integer\\"}}}").build(),
                                EventType.builder("b").name("B").sample("{}").build(),
                                EventType.builder("b").name("B again").sample("{}").build());
                    }
                }
                """));
        assertThat(codes(report.errors())).containsExactly("invalid-event-type", "duplicate-event-type");
        assertThat(report.errorMessages().get(0)).startsWith("event type a: the sample payload does not match the schema");
        assertThat(PluginVerifier.withoutRunningCode().verify(dir.resolve("samples.jar")).errors()).isEmpty();
    }

    @Test
    void aProviderThatFailsIsAnError() {
        VerificationReport report = verify(TestJar.plugin("failing").source("test.failing.Events", """
                package test.failing;
                import io.plugboard.sdk.*;
                import java.util.List;
                @org.pf4j.Extension
                public class Events implements EventTypeProvider {
                    public List<EventType> eventTypes() { throw new IllegalStateException("no types today"); }
                }
                """));
        assertThat(report.errorMessages()).singleElement().asString()
                .contains("test.failing.Events cannot be run").contains("no types today");
    }

    @Test
    void aFileThatIsNoJarIsOneError() throws Exception {
        Path file = Files.write(dir.resolve("junk.jar"), new byte[] {1, 2, 3});
        VerificationReport report = PluginVerifier.full().verify(file);
        assertThat(codes(report.errors())).containsExactly("unreadable-jar");
        assertThat(report.errorMessages().get(0)).startsWith("not a valid jar file");
    }

    @Test
    void aClassesDirectoryWithPluginPropertiesIsVerifiedToo() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path jar = good("dev").writeTo(dir);
        try (var fs = java.nio.file.FileSystems.newFileSystem(jar)) {
            for (String name : List.of("test/good/Events.class", "META-INF/extensions.idx")) {
                Files.createDirectories(classes.resolve(name).getParent());
                Files.copy(fs.getPath(name), classes.resolve(name));
            }
        }
        Files.writeString(classes.resolve("plugin.properties"), "plugin.id=dev\nplugin.version=1.0.0\n"
                + "plugin.provider=Me\nplugin.description=Dev\n");
        VerificationReport report = PluginVerifier.full().verify(classes);
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }
}
