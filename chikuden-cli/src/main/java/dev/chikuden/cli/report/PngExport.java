package dev.chikuden.cli.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Saves each chart of a report as a PNG for slides: headless Chromium opens the report with
 * {@code #png}, the page puts every chart's own image ({@code getDataURL}, twice the screen's
 * resolution, white background) into the document, and {@code --dump-dom} hands the document
 * back. One browser process, no driver, and the images are ECharts' own rather than screenshots.
 */
public final class PngExport {
    /** The switches that keep a headless Chromium off the network and out of the user's profile. */
    public static final List<String> HEADLESS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    private static final Pattern EXPORT = Pattern.compile("<pre id=\"png-export\">(.*?)</pre>", Pattern.DOTALL);
    private static final long TIMEOUT_S = 120;

    private final Path browser;

    private PngExport(Path browser) {
        this.browser = browser;
    }

    /** Finds Chromium on the PATH; fails, saying what to install, when there is none. */
    public static PngExport withBrowserOnPath() {
        return withBrowserOn(System.getenv().getOrDefault("PATH", ""));
    }

    static PngExport withBrowserOn(String path) {
        for (String name : BROWSERS) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return new PngExport(candidate);
                }
            }
        }
        throw new IllegalStateException("--png draws the charts in headless Chromium, and none was found on the PATH ("
                + String.join(", ", BROWSERS) + "); install it, on Debian or Ubuntu: apt-get install chromium");
    }

    /** Writes {@code <chart>.png} for each chart of {@code report} into {@code dir}; returns the files. */
    public List<Path> export(Path report, Path dir) {
        Path profile = null;
        try {
            profile = Files.createTempDirectory("chikuden-chromium");
            Path dom = profile.resolve("dom.html");
            List<String> command = new ArrayList<>();
            command.add(browser.toString());
            command.addAll(HEADLESS);
            command.add("--user-data-dir=" + profile.resolve("profile"));
            command.add("--window-size=1280,900");
            command.add("--dump-dom");
            command.add(report.toAbsolutePath().toUri() + "#png");
            Process p = new ProcessBuilder(command)
                    .redirectOutput(dom.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(browser + " did not draw the report within " + TIMEOUT_S + " s");
            }
            return write(Files.readString(dom, StandardCharsets.UTF_8), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export the charts of " + report + " with " + browser, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + browser + " drew the report", e);
        } finally {
            delete(profile);
        }
    }

    private static List<Path> write(String dom, Path dir) throws IOException {
        Matcher m = EXPORT.matcher(dom);
        if (!m.find()) {
            throw new IllegalStateException(
                    "the browser returned no charts: the report's script failed (open it to see why)");
        }
        Map<String, String> images =
                new ObjectMapper().readValue(m.group(1), new TypeReference<Map<String, String>>() {});
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : images.entrySet()) {
            String data = e.getValue();
            Path file = dir.resolve(e.getKey() + ".png");
            Files.write(file, Base64.getDecoder().decode(data.substring(data.indexOf(',') + 1)));
            files.add(file);
        }
        return files;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the export for
        }
    }
}
