package dev.chikuden.aging;

import dev.chikuden.BadInputException;
import dev.chikuden.trace.GapPolicy;
import dev.chikuden.trace.Trace;
import dev.chikuden.trace.TraceOptions;
import dev.chikuden.trace.TraceReader;
import java.nio.file.Path;
import java.time.ZoneOffset;

/**
 * A battery duty for aging studies: samples of time, SOC (0..1) and cell temperature (°C), the
 * columns {@code soc} and {@code temperature_c} of a file the trace reader reads (time as seconds
 * from the start in {@code time_s}, or any time form it accepts). Samples need not be evenly
 * spaced but must move forward in time.
 */
public record DutyProfile(double[] timeS, double[] soc, double[] temperatureC) {
    public int size() {
        return timeS.length;
    }

    public static DutyProfile read(Path file) {
        TraceOptions any = TraceOptions.values(ZoneOffset.UTC).withGaps(GapPolicy.HOLD, null);
        Trace soc = TraceReader.read(file, any.withColumn("soc"));
        Trace temperature = TraceReader.read(file, any.withColumn("temperature_c"));
        if (soc.size() != temperature.size()) {
            throw new BadInputException(file + ": " + Math.abs(soc.size() - temperature.size())
                    + " row(s) lack a soc or a temperature_c value; each sample needs both");
        }
        int n = soc.size();
        double[] t = new double[n];
        double[] s = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (soc.epochMsAt(i) - soc.epochMsAt(0)) / 1000.0;
            s[i] = soc.valueAt(i);
            c[i] = temperature.valueAt(i);
            if (s[i] < 0 || s[i] > 1) {
                throw new BadInputException(file + ":" + soc.lineAt(i) + ": soc " + plain(s[i])
                        + " is outside 0..1 (a fraction, not a percentage)");
            }
            if (c[i] < -60 || c[i] > 120) {
                throw new BadInputException(
                        file + ":" + soc.lineAt(i) + ": temperature_c " + plain(c[i]) + " is outside -60..120 °C");
            }
        }
        return new DutyProfile(t, s, c);
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
