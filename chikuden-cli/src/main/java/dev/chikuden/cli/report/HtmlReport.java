package dev.chikuden.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.chikuden.cli.BuildInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code report.html}: one self-contained file (styles, ECharts, the page's script and the
 * figures inline) that opens offline and can be sent by e-mail. The page is a template with
 * {@code {{name}}} slots, filled in one pass so that nothing inserted is read as a slot.
 */
public final class HtmlReport {
    public static final String FILE_NAME = "report.html";
    private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");
    /** Half a million numbers for a year at 1 s: Jackson's shortest-digits writer, not Double.toString. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private HtmlReport() {}

    /** Writes the report of {@code figures} ({@link ReportFigures}) into {@code dir}; returns its path. */
    public static Path write(Path dir, ReportFigures figures) {
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.writeString(file, html(figures), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    static String html(ReportFigures figures) {
        String echarts =
                resource("/META-INF/resources/webjars/echarts/" + BuildInfo.echartsVersion() + "/dist/echarts.min.js");
        Map<String, String> slots = Map.of(
                "lang", String.valueOf(figures.language()),
                "title", escapeHtml(figures.plan().site()),
                "css", resource("report.css"),
                "echarts", inlineScript(echarts),
                "figures", json(figures),
                "script", inlineScript(resource("report.js")));
        String template = resource("report.html");
        Matcher m = SLOT.matcher(template);
        int total = template.length();
        for (String v : slots.values()) {
            total += v.length();
        }
        // the values appended as they are: a replacement string would be parsed for $ and \ char by char
        StringBuilder out = new StringBuilder(total);
        int copied = 0;
        while (m.find()) {
            String value = slots.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("report.html has an unknown slot " + m.group());
            }
            out.append(template, copied, m.start()).append(value);
            copied = m.end();
        }
        out.append(template, copied, template.length());
        return out.toString();
    }

    /** JSON that cannot end its script element: every {@code <} escaped (it occurs only inside strings). */
    private static String json(ReportFigures figures) {
        try {
            return JSON.writeValueAsString(figures).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report's figures do not serialise", e);
        }
    }

    private static String inlineScript(String js) {
        if (js.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new IllegalStateException("a script to inline contains </script");
        }
        return js;
    }

    static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report's resource " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
