package io.plugboard.host.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium, driven by the system's chromedriver (the two come from the same
 * package, so their versions match; nothing is downloaded). Without them the browser tests are
 * skipped with a loud message, unless {@code -Dplugboard.browser.required=true} (as in CI) makes
 * that a failure.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("plugboard.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("plugboard.chromedriver", "/usr/bin/chromedriver");
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension MOBILE = new Dimension(390, 844);

    private final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** @param javascript false to browse as someone with JavaScript turned off */
    static Browser start(boolean javascript) {
        boolean required = Boolean.getBoolean("plugboard.browser.required");
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            String why = "no Chromium at " + CHROMIUM + " or no chromedriver at " + CHROMEDRIVER;
            return unavailable(required, why, null);
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("plugboard-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
            return new Browser(driver, profile);
        } catch (WebDriverException e) {
            return unavailable(required, "Chromium did not start: " + e.getMessage(), e);
        }
    }

    private static Browser unavailable(boolean required, String why, Throwable cause) {
        if (required) {
            Assertions.fail("browser tests are required (-Dplugboard.browser.required=true) but " + why, cause);
        }
        System.err.println("\n" + "!".repeat(78) + "\n!! BROWSER TESTS SKIPPED: " + why
                + "\n!! Install Chromium and chromedriver (apt-get install chromium chromium-driver) to run them.\n"
                + "!".repeat(78) + "\n");
        Assumptions.abort("browser tests skipped: " + why);
        return null;
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return wait.until(d -> d.findElement(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits (bounded) until the condition holds; fails the test with {@code what} otherwise. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        // Fragments swapped in by htmx, and pages loaded by a plain form post, replace elements: a stale one
        // means "look again". Chrome sometimes reports one as an inspector error instead of a stale element.
        Function<WebDriver, T> lookingAgain = d -> {
            try {
                return condition.apply(d);
            } catch (org.openqa.selenium.WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        };
        return new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(what)
                .ignoring(StaleElementReferenceException.class).until(lookingAgain);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /** Lets the page read and write the clipboard, as a user who allowed it would. */
    void allowClipboard(String origin) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    /**
     * @return what the page's console said about refused content (Content-Security-Policy), uncaught
     *     script errors and htmx errors since the last call
     */
    List<String> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(e -> e.getMessage())
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to") || m.contains("Uncaught")
                        || m.contains("htmx:"))
                .toList();
    }

    void size(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Saves a screenshot of the whole page (up to 3000 px tall) to {@code target/screenshots/NAME.png}. */
    Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            long width = ((Number) script("return window.innerWidth")).longValue();
            long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
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
        if (driver.getCurrentUrl().endsWith("/admin/webhooks")) {
            return; // still logged in
        }
        find("#username").sendKeys(user);
        find("#password").sendKeys(password);
        find("form.form button[type=submit]").click();
        await("the admin after logging in", d -> d.getCurrentUrl().endsWith("/admin/webhooks"));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
