package dev.chikuden.gridcode;

import static dev.chikuden.units.Dimension.DURATION;
import static dev.chikuden.units.Dimension.FRACTION;
import static dev.chikuden.units.Dimension.FREQUENCY;
import static dev.chikuden.units.Dimension.POWER;

import dev.chikuden.config.ConfigFile;
import dev.chikuden.config.ConfigNode;
import dev.chikuden.config.ConfigSchema;
import dev.chikuden.config.Quantity;
import dev.chikuden.units.Quantities;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a rule set against {@code grid-code-rules.schema.json}, with the site file's conventions:
 * human units, every problem reported at once with line and column, unknown keys named with a
 * suggestion. Every section is optional; an absent limit is a rule not judged, an absent setting
 * takes {@link GridCodeSettings#DEFAULT}.
 */
final class GridCodeRulesReader {
    private static final ConfigSchema SCHEMA = ConfigSchema.of("grid-code-rules.schema.json");
    private static final String EXPECTED = "expected rules such as ramp, dynamicRange, oscillation, loadDrop";

    /** A rule file as written; a limit is a power or a percentage of the peak, read by {@link #limit}. */
    record RulesFile(
            Ramp ramp, DynamicRange dynamicRange, Oscillation oscillation, LoadDrop loadDrop, String maxDemand30min) {}

    record Ramp(String upPerSecond, String downPerSecond, String perMinute) {}

    record DynamicRange(
            @Quantity(value = DURATION, min = 0, aboveMin = true)
            Double window,

            String max) {}

    record Oscillation(
            @Quantity(FREQUENCY) List<Double> band,

            @Quantity(
                    value = FRACTION,
                    min = 0,
                    max = 1,
                    meaning = "the largest share of oscillation energy in the band")
            Double maxShare,

            String minRms) {}

    record LoadDrop(
            @Quantity(value = POWER, min = 0, aboveMin = true)
            Double drop,

            @Quantity(value = DURATION, min = 0, aboveMin = true)
            Double within,

            Long maxEvents) {}

    private GridCodeRulesReader() {}

    static GridCodeRules read(Path file) {
        return read(ConfigFile.read(file, EXPECTED), file.toString());
    }

    static GridCodeRules read(Path file, Reader reader, String source) {
        return read(ConfigFile.read(file, reader, EXPECTED), source);
    }

    private static GridCodeRules read(ConfigFile f, String source) {
        f.check(SCHEMA);
        ConfigNode top = f.root();
        RulesFile r = top.bind(RulesFile.class);
        GridCodeSettings d = GridCodeSettings.DEFAULT;
        List<Double> band = r.oscillation().band() == null
                ? List.of(d.bandLowHz(), d.bandHighHz())
                : r.oscillation().band();
        ConfigNode bandAt = top.get("oscillation").get("band");
        if (bandAt.clean() && !(band.get(0) > 0 && band.get(1) > band.get(0))) {
            bandAt.problem("the band must run from a frequency above 0 Hz to a higher one, e.g. [0.1 Hz, 20 Hz]");
        }
        ConfigNode ramp = top.get("ramp");
        PowerLimit up = limit(r.ramp().upPerSecond(), ramp.get("upPerSecond"));
        PowerLimit down = limit(r.ramp().downPerSecond(), ramp.get("downPerSecond"));
        PowerLimit perMinute = limit(r.ramp().perMinute(), ramp.get("perMinute"));
        PowerLimit range = limit(r.dynamicRange().max(), top.get("dynamicRange").get("max"));
        PowerLimit minRms =
                limit(r.oscillation().minRms(), top.get("oscillation").get("minRms"));
        PowerLimit demand = limit(r.maxDemand30min(), top.get("maxDemand30min"));
        f.throwIfAny();
        LoadDrop drop = r.loadDrop();
        return new GridCodeRules(
                source,
                new GridCodeSettings(
                        orElse(r.dynamicRange().window(), d.dynamicRangeWindowS()),
                        band.get(0),
                        band.get(1),
                        orElse(drop.drop(), d.loadDropKw()),
                        orElse(drop.within(), d.loadDropWithinS())),
                up,
                down,
                perMinute,
                range,
                r.oscillation().maxShare(),
                minRms,
                drop.maxEvents(),
                demand);
    }

    /** A power ("10 MW": absolute, 0 or more) or a percentage ("5 %": of the trace's peak, in (0, 1000 %]); null when absent. */
    private static PowerLimit limit(String text, ConfigNode at) {
        if (text == null || !at.clean()) {
            return null;
        }
        if (text.trim().endsWith("%")) {
            double share = Quantities.parse(text, FRACTION);
            if (!(share > 0 && share <= 10)) {
                at.problem("\"" + text + "\" is outside (0, 10]; a limit relative to the peak is a fraction such as "
                        + "\"95 %\" or 0.95");
            }
            return PowerLimit.fractionOfPeak(share);
        }
        double kw = Quantities.parse(text, POWER);
        if (kw < 0) {
            at.problem("\"" + text + "\" must be 0 or more");
        }
        return PowerLimit.absolute(kw);
    }

    private static double orElse(Double given, double fallback) {
        return given != null ? given : fallback;
    }
}
