package dev.chikuden.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Result rows as CSV: an ISO-8601 local timestamp with offset, powers in kW to the watt, SOC to
 * 1e-6; an empty field for values that do not exist (SOC without battery). The columns are
 * {@link RowWriter#COLUMNS}; {@code batteryKw} is net of the battery's auxiliaries (standby, HVAC). Rows are numeric only,
 * so they are formatted directly into one reused buffer: {@code Double.toString} per field would
 * cost more than the simulation itself.
 */
public final class CsvRowWriter implements RowWriter {
    /** A row's time up to its minute; built once, as a pattern is parsed each time it is made. */
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:");

    private final BufferedWriter out;
    private final ZoneId zone;
    private final StringBuilder line = new StringBuilder(160);
    private long cachedMinuteMs = Long.MIN_VALUE;
    private String cachedMinutePrefix;
    private String cachedOffset;

    public CsvRowWriter(Path file, ZoneId zone) {
        this.zone = zone;
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write("timestamp," + String.join(",", COLUMNS) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void row(
            long epochMs,
            double loadKw,
            double pvKw,
            double batteryKw,
            double gridKw,
            double gridMinKw,
            double gridMaxKw,
            double soc) {
        line.setLength(0);
        appendTime(epochMs);
        fixed(loadKw, 3);
        fixed(pvKw, 3);
        fixed(batteryKw, 3);
        fixed(gridKw, 3);
        fixed(gridMinKw, 3);
        fixed(gridMaxKw, 3);
        fixed(soc, 6);
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** yyyy-MM-ddTHH:mm:ss.SSS+09:00, formatting the date part once per minute. */
    private void appendTime(long epochMs) {
        long minute = Math.floorDiv(epochMs, 60_000L) * 60_000L;
        if (minute != cachedMinuteMs) {
            ZonedDateTime z = java.time.Instant.ofEpochMilli(minute).atZone(zone);
            cachedMinutePrefix = MINUTE.format(z);
            cachedOffset =
                    z.getOffset().getId().equals("Z") ? "Z" : z.getOffset().getId();
            cachedMinuteMs = minute;
        }
        long ms = epochMs - minute;
        line.append(cachedMinutePrefix);
        pad(ms / 1000, 2);
        if (ms % 1000 != 0) {
            line.append('.');
            pad(ms % 1000, 3);
        }
        line.append(cachedOffset);
    }

    private void pad(long v, int width) {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            line.append('0');
        }
        line.append(s);
    }

    private void fixed(double v, int decimals) {
        line.append(',');
        if (Double.isNaN(v)) {
            return;
        }
        long scale = decimals == 3 ? 1000 : 1_000_000;
        long scaled = Math.round(v * scale);
        if (scaled < 0) {
            line.append('-');
            scaled = -scaled;
        }
        line.append(scaled / scale).append('.');
        long frac = scaled % scale;
        for (long p = scale / 10; p > 1 && frac < p; p /= 10) {
            line.append('0');
        }
        line.append(frac);
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
