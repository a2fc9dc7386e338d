package io.plugboard.host.browser;

import io.plugboard.host.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NotFoundException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

/**
 * The browser a test class drives, declared once per class:
 * {@code @RegisterExtension static final Browser browser = Browser.withJavaScript();}. It starts one
 * {@link Chromium} for the class before the class's {@code @BeforeAll} methods (so without Chromium the
 * class is skipped, or fails when the browser is required, before it starts anything), gives every test
 * but the first a {@linkplain Chromium#cleanSlate clean slate} instead of a new Chromium (starting one
 * costs seconds), and quits it after the class. The methods are what the tests do with it.
 */
final class Browser implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    static final Dimension DESKTOP = Chromium.DESKTOP;
    static final Dimension MOBILE = new Dimension(390, 844);
    /** How long a page gets to show what a test waits for; generous for a loaded 2-core machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final boolean javascript;
    /** Where the tests went, so that the next test finds nothing they stored there. */
    private final Set<String> origins = new LinkedHashSet<>();
    private Chromium chromium;
    /** Whether a test has used the browser since it was started or last cleaned. */
    private boolean used;

    private Browser(boolean javascript) {
        this.javascript = javascript;
    }

    static Browser withJavaScript() {
        return new Browser(true);
    }

    /** As someone with JavaScript turned off browses: every action a plain form post or link. */
    static Browser withJavaScriptOff() {
        return new Browser(false);
    }

    /** Without Chromium (and not required), the class is reported skipped, each of its tests with it. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = Chromium.missing();
        if (missing == null || Chromium.required()) {
            return ConditionEvaluationResult.enabled("Chromium is there, or required (a missing one then fails)");
        }
        if (context.getTestMethod().isEmpty()) {
            Chromium.announceSkipping(missing);
        }
        return ConditionEvaluationResult.disabled("browser tests skipped: " + missing);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        chromium = Chromium.start(javascript);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!used) {
            return;
        }
        try {
            chromium.cleanSlate(origins);
        } catch (WebDriverException e) {
            // The last test left Chromium unable to answer (it crashed): the next one gets a new one.
            try {
                chromium.close();
            } catch (WebDriverException ignored) {
                // it is gone either way
            }
            chromium = Chromium.start(javascript);
        }
        origins.clear();
        used = false;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    WebDriver driver() {
        return chrome();
    }

    private ChromeDriver chrome() {
        if (chromium == null) {
            throw new IllegalStateException("no Chromium: register the Browser with @RegisterExtension on a static field");
        }
        used = true;
        return chromium.driver();
    }

    void open(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() != null && uri.getScheme().startsWith("http")) {
            origins.add(uri.getScheme() + "://" + uri.getAuthority());
        }
        chrome().get(url);
    }

    WebElement find(String css) {
        return await("an element " + css, d -> d.findElement(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return chrome().findElements(By.cssSelector(css));
    }

    /**
     * Waits until the condition gives a value (neither null nor false), polling as {@link Await} does
     * (often at first: most conditions hold within milliseconds); fails the test with {@code what} once
     * {@link #PATIENCE} has passed.
     */
    <T> T await(String what, Function<WebDriver, T> condition) {
        WebDriver driver = chrome();
        AtomicReference<WebDriverException> lastMiss = new AtomicReference<>();
        try {
            return Await.value(what, PATIENCE, () -> {
                try {
                    return condition.apply(driver);
                } catch (NotFoundException | StaleElementReferenceException e) {
                    lastMiss.set(e);
                    return null;
                } catch (WebDriverException e) {
                    // Fragments swapped in by htmx, and pages loaded by a plain form post, replace elements: a
                    // stale one means "look again". Chrome sometimes reports one as an inspector error instead.
                    if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                        lastMiss.set(e);
                        return null;
                    }
                    throw e;
                }
            }, value -> value != null && !Boolean.FALSE.equals(value));
        } catch (AssertionError e) {
            if (lastMiss.get() != null) {
                e.addSuppressed(lastMiss.get());
            }
            throw e;
        }
    }

    Object script(String js, Object... args) {
        return chrome().executeScript(js, args);
    }

    Object asyncScript(String js, Object... args) {
        return chrome().executeAsyncScript(js, args);
    }

    /** Runs {@code js} in every page this tab loads from now on, before the page's own scripts. */
    void runInEveryNewPage(String js) {
        chrome().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", js));
    }

    /** Lets the page read and write the clipboard, as a user who allowed it would. */
    void allowClipboard(String origin) {
        chrome().executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    /**
     * @return what the page's console said about refused content (Content-Security-Policy), uncaught
     *     script errors and htmx errors since the last call
     */
    List<String> consoleProblems() {
        return chrome().manage().logs().get(LogType.BROWSER).getAll().stream().map(e -> e.getMessage())
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to") || m.contains("Uncaught")
                        || m.contains("htmx:"))
                .toList();
    }

    void size(Dimension size) {
        chrome().manage().window().setSize(size);
    }

    /** Saves a screenshot of the whole page (up to 3000 px tall) to {@code target/screenshots/NAME.png}. */
    Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            long width = ((Number) script("return window.innerWidth")).longValue();
            long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
            Map<String, Object> shot = chrome().executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height, 3000), "scale", 1)));
            Path file = dir.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Logs in through the login form as the test host's admin. */
    void login(String baseUrl, String user, String password) {
        open(baseUrl + "/admin/webhooks");
        if (chrome().getCurrentUrl().endsWith("/admin/webhooks")) {
            return; // still logged in
        }
        find("#username").sendKeys(user);
        find("#password").sendKeys(password);
        find("form.form button[type=submit]").click();
        await("the admin after logging in", d -> d.getCurrentUrl().endsWith("/admin/webhooks"));
    }
}
