package dev.chikuden.cli.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's Chromium driven through its chromedriver, headless and off the network, with a fresh
 * profile. Tests that need it skip, saying what to install, when either is missing; the test
 * installs nothing itself (.ci/run does).
 */
public final class HeadlessChromium implements AutoCloseable {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Selenium warns that it has no DevTools bindings for a newer Chromium; the tests use none. */
    private static final Logger DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS.setLevel(Level.SEVERE);
    }

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium() throws IOException {
        profile = Files.createTempDirectory("chikuden-test-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(PngExport.HEADLESS);
        options.addArguments("--user-data-dir=" + profile, "--window-size=1280,1000", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
    }

    /** Starts one, or skips the calling test when the browser or its driver is not installed. */
    public static HeadlessChromium start() throws IOException {
        assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "headless Chromium is not installed (" + BROWSER + ", " + DRIVER + "): "
                        + "apt-get install chromium chromium-driver, as .ci/run does");
        return new HeadlessChromium();
    }

    /** Opens a report and waits, at most a minute, until it says every chart has drawn. */
    public void open(Path report) throws InterruptedException {
        driver.get(report.toUri().toString());
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!Boolean.TRUE.equals(js("return window.reportReady === true;"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the report did not finish drawing within a minute; errors: " + errors());
            }
            Thread.sleep(50);
        }
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Errors the page caught (its own collector) and the console's severe entries. */
    @SuppressWarnings("unchecked")
    public List<String> errors() {
        List<String> caught = (List<String>) js("return window.reportErrors || ['the page has no error collector'];");
        List<String> console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
        return Stream.concat(caught.stream(), console.stream()).toList();
    }

    /**
     * Charts whose series painted nothing: each chart's painted pixels are counted as drawn and
     * again with its series removed (axes, legend and titles stay), so they must differ. It
     * empties the charts: call it last, or redraw them (a language switch does).
     */
    @SuppressWarnings("unchecked")
    public List<String> blankCharts() {
        List<List<Object>> counts = (List<List<Object>>) js("""
                const painted = chart => {
                  const canvas = chart.getDom().querySelector('canvas');
                  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                  let n = 0;
                  for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) { n++; } }
                  return n;
                };
                return Object.entries(window.report.charts).map(([id, chart]) => {
                  const drawn = painted(chart);
                  chart.setOption({ series: [] }, { replaceMerge: ['series'] });
                  return [id, drawn, painted(chart)];
                });""");
        return counts.stream().filter(c -> ((Number) c.get(1)).longValue() <= ((Number) c.get(2)).longValue())
                .map(c -> c.get(0) + " (" + c.get(1) + " pixels drawn, " + c.get(2) + " without its series)").toList();
    }

    /** A screenshot of the whole page, however long. */
    public void screenshot(Path png) throws IOException {
        long height = ((Number) js("return document.documentElement.scrollHeight;")).longValue();
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height, 16_000)));
        Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    /** Clicks the first element that matches a CSS selector. */
    public void click(String cssSelector) {
        driver.findElement(By.cssSelector(cssSelector)).click();
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
