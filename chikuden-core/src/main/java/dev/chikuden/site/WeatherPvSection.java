package dev.chikuden.site;

import dev.chikuden.BadInputException;
import dev.chikuden.config.ConfigNode;
import dev.chikuden.config.ConfigProblem;
import dev.chikuden.pv.PvSystem;
import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.trace.TextEncoding;
import dev.chikuden.trace.Trace;
import dev.chikuden.trace.TraceOptions;
import dev.chikuden.trace.TraceReader;
import dev.chikuden.units.Quantities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Reads {@code pv: {type: weather}}: every named column of the weather file by the trace reader,
 * each averaged onto the same whole local hours, so that the PV model gets one mean per hour.
 */
final class WeatherPvSection {
    private static final long HOUR_MS = 3_600_000L;
    /** One MJ/m² over an hour in W/m². */
    private static final double MJ_PER_HOUR_IN_WM2 = 1e6 / 3600;

    private final ConfigNode at;
    private final Path path;
    private final TraceOptions options;
    private final List<ConfigProblem> warnings;
    private FixedStepSeries first;
    private String firstKey;

    private WeatherPvSection(ConfigNode at, Path path, TraceOptions options, List<ConfigProblem> warnings) {
        this.at = at;
        this.path = path;
        this.options = options;
        this.warnings = warnings;
    }

    /** The weather PV, or null after a problem. */
    static WeatherPvSpec read(
            SiteFile.WeatherPv w, ConfigNode at, Location location, ZoneId zone, List<ConfigProblem> warnings) {
        if (location == null) {
            at.problem("weather PV needs the site's location (location: latitude, longitude)");
        }
        if (w.ghi() == null && w.poa() == null) {
            at.get("ghi")
                    .problem("is required unless poa is given: the column of global horizontal irradiance"
                            + " (W/m², or MJ/m² per hour when its header says MJ)");
        }
        Path path = at.file(w.file());
        if (!Files.isRegularFile(path)) {
            at.get("file").problem("\"" + w.file() + "\" does not exist (looked for " + path + ")");
        }
        if (!at.clean()) {
            return null;
        }
        TraceOptions options = TraceOptions.values(zone);
        if (w.encoding() != null) {
            options = options.withEncoding(TextEncoding.named(w.encoding()));
        }
        if (w.labels() != null) {
            options = options.withEndLabels("end".equals(w.labels()));
        }
        WeatherPvSection s = new WeatherPvSection(at, path, options, warnings);
        FixedStepSeries ghi = s.column("ghi", w.ghi(), true);
        FixedStepSeries dni = s.column("dni", w.dni(), true);
        FixedStepSeries dhi = s.column("dhi", w.dhi(), true);
        FixedStepSeries poa = s.column("poa", w.poa(), true);
        FixedStepSeries temperature = s.column("temperature", w.temperature(), false);
        if (!at.clean()) {
            return null;
        }
        PvSystem system = new PvSystem(
                w.dc(),
                w.ac(),
                w.tilt(),
                w.azimuth(),
                w.albedo(),
                w.gamma(),
                w.losses(),
                location.latitudeDeg(),
                location.longitudeDeg());
        return new WeatherPvSpec(path, ghi, dni, dhi, poa, temperature, system);
    }

    /** Column {@code name} as hourly means on whole local hours; null when not named or after a problem. */
    private FixedStepSeries column(String key, String name, boolean irradiance) {
        if (name == null) {
            return null;
        }
        ConfigNode node = at.get(key);
        Trace trace;
        FixedStepSeries hourly;
        try {
            trace = TraceReader.read(
                    path, irradiance ? options.withColumn(name).withBlankAsZero() : options.withColumn(name));
            if (trace.input().medianStepMs() > HOUR_MS) {
                node.problem("\"" + name + "\" is sampled every "
                        + Quantities.formatDuration(trace.input().medianStepMs() / 1000.0)
                        + "; weather PV needs hourly or finer samples");
                return null;
            }
            // a whole local hour: the weather's hours are the clock's
            hourly = trace.onGrid(trace.localMidnight(options.zone()), HOUR_MS);
        } catch (BadInputException e) {
            node.problem(e.getMessage());
            return null;
        }
        if (irradiance && trace.input().column().contains("MJ")) {
            double[] v = hourly.values();
            for (int i = 0; i < v.length; i++) {
                v[i] *= MJ_PER_HOUR_IN_WM2;
            }
            hourly = new FixedStepSeries(hourly.startEpochMs(), HOUR_MS, v);
            warnings.add(node.remark("\"" + trace.input().column() + "\" names MJ: read as MJ/m² per hour and"
                    + " converted to W/m² (x 277.78)"));
        }
        if (first == null) {
            first = hourly;
            firstKey = key;
        } else if (hourly.startEpochMs() != first.startEpochMs() || hourly.size() != first.size()) {
            node.problem("\"" + name + "\" covers " + span(hourly) + " but " + firstKey + " covers " + span(first)
                    + "; every column of the weather needs a value for the same hours");
            return null;
        }
        return hourly;
    }

    private static String span(FixedStepSeries s) {
        return Instant.ofEpochMilli(s.startEpochMs()) + " to " + Instant.ofEpochMilli(s.epochMsAt(s.size()));
    }
}
