package dev.chikuden.cli.report;

import dev.chikuden.fixtures.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

/** Headless Chromium on a report: waits for its charts, collects its errors, checks each chart drew. */
public final class ReportBrowser extends HeadlessChromium {
    private ReportBrowser() throws IOException {
        super("--window-size=1280,1000", "--hide-scrollbars");
    }

    /** Starts one, or skips the calling test when the browser or its driver is not installed. */
    public static ReportBrowser start() throws IOException {
        assumeInstalled();
        return new ReportBrowser();
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

    /** Errors the page caught (its own collector) and the console's severe entries. */
    @SuppressWarnings("unchecked")
    public List<String> errors() {
        List<String> caught = (List<String>) js("return window.reportErrors || ['the page has no error collector'];");
        return Stream.concat(caught.stream(), severeConsoleEntries().stream()).toList();
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
        return counts.stream()
                .filter(c -> ((Number) c.get(1)).longValue() <= ((Number) c.get(2)).longValue())
                .map(c -> c.get(0) + " (" + c.get(1) + " pixels drawn, " + c.get(2) + " without its series)")
                .toList();
    }

    /** A screenshot of the whole page, however long. */
    public void screenshot(Path png) throws IOException {
        long height = ((Number) js("return document.documentElement.scrollHeight;")).longValue();
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height, 16_000)));
        Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }
}
