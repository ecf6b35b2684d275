package dev.chikuden.time;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes fixed-step series as CSV: a header row, an ISO-8601 timestamp column with its offset,
 * then value columns; {@link dev.chikuden.trace.TraceReader} reads them back.
 */
public final class SeriesCsv {
    private static final DateTimeFormatter OUT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private SeriesCsv() {}

    /** Writes {@code series} side by side; they must share start, step and size. */
    public static void write(Path file, ZoneId zone, List<String> names, List<FixedStepSeries> series) {
        if (names.size() != series.size() || series.isEmpty()) {
            throw new IllegalArgumentException("one name per series, at least one series");
        }
        FixedStepSeries first = series.get(0);
        for (FixedStepSeries s : series) {
            if (s.startEpochMs() != first.startEpochMs() || s.stepMs() != first.stepMs() || s.size() != first.size()) {
                throw new IllegalArgumentException("series differ in start, step or size: " + s + " vs " + first);
            }
        }
        try (CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(file)) {
            List<String> header = new ArrayList<>();
            header.add("timestamp");
            header.addAll(names);
            w.writeRecord(header);
            for (int i = 0; i < first.size(); i++) {
                var rec = w.writeRecord().writeField(formatTime(first.epochMsAt(i), zone));
                for (FixedStepSeries s : series) {
                    rec.writeField(Double.toString(s.get(i)));
                }
                rec.endRecord();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String formatTime(long epochMs, ZoneId zone) {
        return OUT.format(Instant.ofEpochMilli(epochMs).atZone(zone).toOffsetDateTime());
    }
}
