package io.plugboard.host.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

/**
 * One headless Chromium of the system, driven by the system's chromedriver (the two come from the same
 * package, so their versions match; with the driver's path given Selenium Manager never runs, so nothing
 * is downloaded), with a temporary profile of its own. Without them the browser tests are skipped with a
 * loud message, unless {@code -Dplugboard.browser.required=true} (as in CI) makes that a failure.
 */
final class Chromium implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("plugboard.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("plugboard.chromedriver", "/usr/bin/chromedriver");
    static final Dimension DESKTOP = new Dimension(1280, 900);

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** @param javascript false to browse as someone with JavaScript turned off */
    static Chromium start(boolean javascript) {
        String missing = missing();
        if (missing != null) {
            return unavailable(missing, null);
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
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight());
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
            return new Chromium(driver, profile);
        } catch (WebDriverException e) {
            deleteProfile(profile);
            return unavailable("Chromium did not start: " + e.getMessage(), e);
        }
    }

    /** @return why the browser tests cannot run here, or null when Chromium and chromedriver are there */
    static String missing() {
        if (new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute()) {
            return null;
        }
        return "no Chromium at " + CHROMIUM + " or no chromedriver at " + CHROMEDRIVER;
    }

    /** Whether a missing browser fails the tests rather than skipping them, as CI has it. */
    static boolean required() {
        return Boolean.getBoolean("plugboard.browser.required");
    }

    /** Says loudly that browser tests are skipped, and why. */
    static void announceSkipping(String why) {
        System.err.println("\n" + "!".repeat(78) + "\n!! BROWSER TESTS SKIPPED: " + why
                + "\n!! Install Chromium and chromedriver (apt-get install chromium chromium-driver) to run them.\n"
                + "!".repeat(78) + "\n");
    }

    private static Chromium unavailable(String why, Throwable cause) {
        if (required()) {
            Assertions.fail("browser tests are required (-Dplugboard.browser.required=true) but " + why, cause);
        }
        announceSkipping(why);
        Assumptions.abort("browser tests skipped: " + why);
        return null;
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Leaves nothing of a test for the next one, as a new profile would, without the cost of a new
     * Chromium: one new tab (the others closed, with their history, scripts and session storage), no
     * cookies, no stored data of the {@code origins} visited, an empty cache, no permission granted,
     * nothing left in the console's log, desktop size.
     */
    void cleanSlate(Collection<String> origins) {
        String fresh = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
        for (String tab : List.copyOf(driver.getWindowHandles())) {
            if (!tab.equals(fresh)) {
                driver.switchTo().window(tab).close();
            }
        }
        driver.switchTo().window(fresh);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        for (String origin : origins) {
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
        driver.executeCdpCommand("Browser.resetPermissions", Map.of());
        driver.manage().window().setSize(DESKTOP);
        driver.manage().logs().get(LogType.BROWSER);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile(profile);
        }
    }

    private static void deleteProfile(Path profile) {
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
