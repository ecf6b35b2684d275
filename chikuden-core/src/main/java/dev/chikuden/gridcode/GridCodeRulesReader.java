package dev.chikuden.gridcode;

import dev.chikuden.site.ConfigException;
import dev.chikuden.site.ConfigProblem;
import dev.chikuden.site.YamlDocument;
import dev.chikuden.site.YamlMap;
import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import dev.chikuden.units.QuantityFormatException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a rule set with the site file's conventions: human units, every problem reported at once
 * with line and column, unknown keys named with a suggestion. Every section is optional; an
 * absent limit is a rule not judged, an absent setting takes {@link GridCodeSettings#DEFAULT}.
 */
final class GridCodeRulesReader {
    private final Path file;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private GridCodeRulesReader(Path file) {
        this.file = file;
    }

    static GridCodeRules read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file, r, file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", "no such file")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GridCodeRules read(Path file, Reader reader, String source) {
        return new GridCodeRulesReader(file).parse(reader, source);
    }

    private GridCodeRules parse(Reader reader, String source) {
        Node root = YamlDocument.compose(file, reader, "expected rules such as ramp, dynamicRange, oscillation, loadDrop");
        GridCodeSettings d = GridCodeSettings.DEFAULT;
        YamlMap top = new YamlMap(file, problems, "", root);

        YamlMap ramp = top.map("ramp");
        PowerLimit up = limit(ramp, "upPerSecond");
        PowerLimit down = limit(ramp, "downPerSecond");
        PowerLimit perMinute = limit(ramp, "perMinute");
        ramp.finish();

        YamlMap range = top.map("dynamicRange");
        double window = range.positive("window", Dimension.DURATION, d.dynamicRangeWindowS(), true);
        PowerLimit maxRange = limit(range, "max");
        range.finish();

        YamlMap osc = top.map("oscillation");
        double[] band = band(osc, d);
        Double maxShare = osc.has("maxShare") ? osc.fraction("maxShare", Double.NaN, 0, 1, false,
                "the largest share of oscillation energy in the band") : null;
        PowerLimit minRms = limit(osc, "minRms");
        osc.finish();

        YamlMap drop = top.map("loadDrop");
        double dropKw = drop.positive("drop", Dimension.POWER, d.loadDropKw(), true);
        double within = drop.positive("within", Dimension.DURATION, d.loadDropWithinS(), true);
        Long maxEvents = null;
        if (drop.has("maxEvents")) {
            double n = drop.number("maxEvents", Double.NaN, 0, Integer.MAX_VALUE);
            if (!Double.isNaN(n) && n != Math.rint(n)) {
                drop.problem("maxEvents", "\"" + n + "\" is not a whole number of events");
            }
            maxEvents = (long) n;
        }
        drop.finish();

        PowerLimit demand = limit(top, "maxDemand30min");
        top.finish();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new GridCodeRules(source, new GridCodeSettings(window, band[0], band[1], dropKw, within),
                up, down, perMinute, maxRange, maxShare, minRms, maxEvents, demand);
    }

    /** A power ("10 MW": absolute) or a percentage ("5 %": of the trace's peak); null when absent. */
    private static PowerLimit limit(YamlMap m, String key) {
        Node n = m.raw(key);
        if (n == null) {
            return null;
        }
        if (n instanceof ScalarNode s && s.getValue().trim().endsWith("%")) {
            return PowerLimit.fractionOfPeak(m.fraction(key, Double.NaN, 0, 10, true, "a limit relative to the peak"));
        }
        double kw = m.positive(key, Dimension.POWER, Double.NaN, false);
        return PowerLimit.absolute(kw);
    }

    /** {@code [low, high]}, two frequencies, low above 0 and below high. */
    private double[] band(YamlMap m, GridCodeSettings d) {
        double[] fallback = {d.bandLowHz(), d.bandHighHz()};
        Node n = m.raw("band");
        if (n == null) {
            return fallback;
        }
        String field = m.at("band");
        if (!(n instanceof SequenceNode seq) || seq.getValue().size() != 2
                || !seq.getValue().stream().allMatch(ScalarNode.class::isInstance)) {
            m.problem(n, field, "expected two frequencies [low, high], e.g. [0.1 Hz, 20 Hz]");
            return fallback;
        }
        double[] out = new double[2];
        for (int i = 0; i < 2; i++) {
            ScalarNode s = (ScalarNode) seq.getValue().get(i);
            try {
                out[i] = Quantities.parse(s.getValue(), Dimension.FREQUENCY);
            } catch (QuantityFormatException e) {
                m.problem(s, field + "[" + i + "]", e.getMessage());
                return fallback;
            }
        }
        if (!(out[0] > 0) || !(out[1] > out[0])) {
            m.problem(n, field, "the band must run from a frequency above 0 Hz to a higher one, e.g. [0.1 Hz, 20 Hz]");
            return fallback;
        }
        return out;
    }
}
