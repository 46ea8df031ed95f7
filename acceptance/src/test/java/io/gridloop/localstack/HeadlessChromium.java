package io.gridloop.localstack;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium (and its driver), headless, as the browser tests drive it: {@code deploy/test.sh} installs
 * both; nothing is downloaded.
 */
final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of(System.getProperty("gridloop.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("gridloop.chromedriver", "/usr/bin/chromedriver"));

    /** A browser with a fresh profile and a window of {@code width}×{@code height}. */
    static ChromeDriver start(int width, int height) {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Chromium and its driver are needed at %s and %s: run deploy/test.sh (it installs Debian's "
                        + "chromium and chromium-driver) or install them", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        Path profile;
        try {
            profile = Files.createTempDirectory(Path.of("target"), "chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The flags that keep Chromium off the network it cannot reach here, and working as root in a container.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + "," + height, "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        // A browser in China asks for Chinese pages (Keycloak's login page follows Accept-Language).
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        // The page's console, so a test can fail on a script error the person would not see but suffer from.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return browser;
    }

    /** Keeps what the browser shows as {@code target/<name>.png}, for people to look at after the run. */
    static void screenshot(ChromeDriver browser, String name) {
        Path file = Path.of("target", name + ".png");
        try {
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
            assertThat(Files.size(file)).isPositive();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails when a page raised a script error since the last look: what each browser test checks after every step. */
    static void assertNoUncaughtErrors(ChromeDriver browser) {
        assertThat(uncaughtErrors(browser)).as("uncaught errors in the pages").isEmpty();
    }

    /**
     * The uncaught script errors the pages raised since the last call (a broken chart, a failed handler): each is
     * a bug a person would trip over even when the page still looks right.
     */
    static java.util.List<String> uncaughtErrors(ChromeDriver browser) {
        return browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Uncaught")).toList();
    }

    private HeadlessChromium() {
    }
}
