package dev.chikuden.ems.api;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's Chromium through its chromedriver, headless, off the network, with a fresh profile (the
 * flags chikuden-cli's report tests use). A test that needs it skips, saying what to install, when
 * either is missing.
 */
final class DashboardBrowser implements AutoCloseable {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final List<String> HEADLESS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    static {
        // Selenium warns that it has no DevTools bindings for a newer Chromium; the tests use none
        Logger.getLogger("org.openqa.selenium.devtools").setLevel(Level.SEVERE);
    }

    private final Path profile;
    private final ChromeDriver driver;

    private DashboardBrowser() throws IOException {
        profile = Files.createTempDirectory("chikuden-dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(HEADLESS);
        options.addArguments("--user-data-dir=" + profile, "--window-size=1280,1400");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
    }

    static DashboardBrowser start() throws IOException {
        assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "headless Chromium is not installed (" + BROWSER + ", " + DRIVER + "): "
                        + "apt-get install chromium chromium-driver, as .ci/run does");
        return new DashboardBrowser();
    }

    void open(String url) {
        driver.get(url);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    /** Waits, at most 30 s, until the script returns true. */
    void awaitTrue(String script, String what) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Boolean.TRUE.equals(js(script))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 30 s for " + what + "; page errors: " + js("return dashboard.errors"));
            }
            sleep();
        }
    }

    /** Waits, at most 30 s, until the element's text passes. */
    String awaitText(String css, Predicate<String> ok, String what) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String t = text(css);
        while (!ok.test(t)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 30 s for " + what + "; " + css + " shows \"" + t + "\"");
            }
            sleep();
            t = text(css);
        }
        return t;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The console's entries of level SEVERE and above since the last call. */
    List<String> severeConsoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** A screenshot of the whole page from its top. */
    void screenshot(Path png) throws IOException {
        js("window.scrollTo(0, 0)");
        long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 300, 8000)));
        Files.createDirectories(png.getParent());
        Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
