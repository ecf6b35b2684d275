package dev.chikuden.trace;

import dev.chikuden.units.Quantities;
import java.util.List;
import java.util.Locale;

/**
 * What the trace reader decided about a file, printed in one line and written as {@code input}
 * in JSON results.
 *
 * @param file         as given
 * @param format       power, nvidia-smi, energy or values
 * @param encoding     UTF-8, UTF-8 with BOM or CP932
 * @param time         the time column(s) and how they are written, e.g. {@code "timestamp" (slash date-time, local Asia/Tokyo)}
 * @param column       the value column (for nvidia-smi, the power field)
 * @param unit         the value's unit as read (W ... GW, Wh ... MWh), null for values as written
 * @param unitFrom     where the unit came from: header, option, default
 * @param rows         data rows read
 * @param samples      sample instants (GPU polls for nvidia-smi, intervals for energy)
 * @param medianStepMs the median time between samples
 * @param p99StepMs    the 99th-percentile time between samples (the jitter)
 * @param maxStepMs    the longest time between samples
 * @param gaps         steps longer than the gap limit
 * @param gapLimitMs   the limit
 * @param gapPolicy    what gaps do
 * @param notes        everything else the user should know (rows skipped, GPU rows missing, fields)
 */
public record TraceInput(
        String file,
        String format,
        String encoding,
        String time,
        String column,
        String unit,
        String unitFrom,
        long rows,
        long samples,
        long medianStepMs,
        long p99StepMs,
        long maxStepMs,
        long gaps,
        long gapLimitMs,
        String gapPolicy,
        List<String> notes) {

    /** The decisions in one line: format, columns, unit, median step, rows, gaps. */
    public String line() {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ").append(format).append(", ").append(encoding);
        sb.append("; time ").append(time);
        sb.append("; values \"").append(column).append('"');
        if (unit != null) {
            sb.append(" in ").append(unit).append(" (").append(unitFrom).append(')');
        }
        sb.append(String.format(Locale.ROOT, "; %,d rows, %,d samples", rows, samples));
        sb.append("; step median ").append(duration(medianStepMs));
        sb.append(", p99 ").append(duration(p99StepMs));
        sb.append(", max ").append(duration(maxStepMs));
        sb.append("; ").append(gaps).append(gaps == 1 ? " gap" : " gaps");
        sb.append(" over ").append(duration(gapLimitMs));
        if (gaps > 0) {
            sb.append(" (").append(gapPolicy).append(')');
        }
        return sb.toString();
    }

    private static String duration(long ms) {
        return Quantities.formatDuration(ms / 1000.0);
    }
}
