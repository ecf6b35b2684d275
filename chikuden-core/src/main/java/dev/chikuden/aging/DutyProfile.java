package dev.chikuden.aging;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.chikuden.BadInputException;
import dev.chikuden.time.CsvFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A battery duty for aging studies: samples of time (s from the start), SOC (0..1) and cell
 * temperature (°C), read from a CSV with the header {@code time_s,soc,temperature_c} ({@code #}
 * comment lines allowed). Samples need not be evenly spaced but must move forward in time.
 */
public record DutyProfile(double[] timeS, double[] soc, double[] temperatureC) {
    static final List<String> HEADER = List.of("time_s", "soc", "temperature_c");

    public int size() {
        return timeS.length;
    }

    public static DutyProfile read(Path file) {
        return CsvFiles.read(file, it -> {
            if (!it.hasNext()) {
                throw new BadInputException(file + ": the file is empty; expected the header time_s,soc,temperature_c");
            }
            CsvRecord header = it.next();
            List<String> names = header.getFields().stream().map(String::trim).toList();
            if (!names.equals(HEADER)) {
                throw new BadInputException(file + ":" + header.getStartingLineNumber() + ": header " + names
                        + " should be time_s,soc,temperature_c");
            }
            double[] t = new double[1024];
            double[] s = new double[1024];
            double[] c = new double[1024];
            int n = 0;
            while (it.hasNext()) {
                CsvRecord r = it.next();
                long line = r.getStartingLineNumber();
                if (r.getFieldCount() < 3) {
                    throw new BadInputException(file + ":" + line + ": the row has " + r.getFieldCount()
                            + " fields; expected time_s,soc,temperature_c");
                }
                if (n == t.length) {
                    t = Arrays.copyOf(t, 2 * n);
                    s = Arrays.copyOf(s, 2 * n);
                    c = Arrays.copyOf(c, 2 * n);
                }
                t[n] = CsvFiles.finiteNumber(file, line, "time_s", r.getField(0), "a finite number");
                s[n] = CsvFiles.finiteNumber(file, line, "soc", r.getField(1), "a finite number");
                c[n] = CsvFiles.finiteNumber(file, line, "temperature_c", r.getField(2), "a finite number");
                if (s[n] < 0 || s[n] > 1) {
                    throw new BadInputException(file + ":" + line + ": soc "
                            + r.getField(1).trim() + " is outside 0..1 (a fraction, not a percentage)");
                }
                if (n > 0 && !(t[n] > t[n - 1])) {
                    throw new BadInputException(
                            file + ":" + line + ": time_s " + r.getField(0).trim() + " does not come after " + t[n - 1]
                                    + "; samples must move forward in time");
                }
                n++;
            }
            if (n < 2) {
                throw new BadInputException(file + ": has " + n + " sample(s); a duty needs at least two");
            }
            return new DutyProfile(Arrays.copyOf(t, n), Arrays.copyOf(s, n), Arrays.copyOf(c, n));
        });
    }
}
