package dev.chikuden.ems.api;

import dev.chikuden.fixtures.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

/** Headless Chromium on the dashboard: waits for what its scripts and elements show. */
final class DashboardBrowser extends HeadlessChromium {
    private DashboardBrowser() throws IOException {
        super("--window-size=1280,1400");
    }

    static DashboardBrowser start() throws IOException {
        assumeInstalled();
        return new DashboardBrowser();
    }

    void open(String url) {
        driver.get(url);
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

    /** A screenshot of the whole page from its top. */
    void screenshot(Path png) throws IOException {
        js("window.scrollTo(0, 0)");
        long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 300, 8000)));
        Files.createDirectories(png.getParent());
        Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
    }
}
