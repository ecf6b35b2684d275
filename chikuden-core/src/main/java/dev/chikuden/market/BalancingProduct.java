package dev.chikuden.market;

import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * An upward product of Japan's balancing market (EPRX) as data: how fast it responds, how long an
 * activation lasts, and, by delivery period, its block length, gate closure and price cap. The
 * table is {@code balancing-products.yaml} beside this class; its comments give the sources.
 *
 * @param name            the site file's name: primary, secondary-1, secondary-2, tertiary-1, tertiary-2
 * @param eprx            the product as EPRX names it (Japanese name, code in result files)
 * @param responseSeconds time to full output after the signal
 * @param periods         in date order, the first from before any study
 */
public record BalancingProduct(String name, EprxProduct eprx, double responseSeconds, List<Period> periods) {
    /** EPRX's smallest offer, kW (1 MW). */
    public static final double MIN_OFFER_KW = 1000;

    /**
     * The rules from one delivery day on.
     *
     * @param durationHours        how long an activated offer must be sustained
     * @param blockHours           the offer is one number over a block of this length
     * @param gateClosure          when offers close ("weekly", "day-ahead 14:00")
     * @param capYenPerKwPer30min  the price cap in EPRX's unit; infinite where there is none
     */
    public record Period(
            LocalDate from, double durationHours, double blockHours, String gateClosure, double capYenPerKwPer30min) {
        /** The cap per kW offered for an hour, the unit the dispatch LP prices capacity in. */
        public double capYenPerKwH() {
            return EprxPrices.yenPerKwH(capYenPerKwPer30min);
        }
    }

    private static final Map<String, BalancingProduct> TABLE = load();

    /** The products in the table, by name. */
    public static List<String> names() {
        return List.copyOf(TABLE.keySet());
    }

    /** @throws IllegalArgumentException for a name not in the table */
    public static BalancingProduct named(String name) {
        BalancingProduct p = TABLE.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no balancing product \"" + name + "\"; known: " + names());
        }
        return p;
    }

    /** The rules on delivery day {@code day}: the last period that began on or before it. */
    public Period on(LocalDate day) {
        Period at = periods.get(0);
        for (Period p : periods) {
            if (!p.from().isAfter(day)) {
                at = p;
            }
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, BalancingProduct> load() {
        try (InputStream in = BalancingProduct.class.getResourceAsStream("balancing-products.yaml")) {
            Map<String, Map<String, Object>> table = new Yaml(new LoaderOptions()).load(in);
            Map<String, BalancingProduct> out = new LinkedHashMap<>();
            table.forEach((name, p) -> {
                double duration = hours(p.get("duration"));
                List<Period> periods = new ArrayList<>();
                for (Map<String, Object> r : (List<Map<String, Object>>) p.get("periods")) {
                    Object cap = r.get("cap");
                    periods.add(new Period(
                            date(r.get("from")),
                            r.containsKey("duration") ? hours(r.get("duration")) : duration,
                            hours(r.get("block")),
                            String.valueOf(r.get("gate")),
                            cap == null ? Double.POSITIVE_INFINITY : ((Number) cap).doubleValue()));
                }
                out.put(
                        name,
                        new BalancingProduct(
                                name,
                                EprxProduct.of(String.valueOf(p.get("eprx"))),
                                Quantities.parse(String.valueOf(p.get("response")), Dimension.DURATION),
                                List.copyOf(periods)));
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SnakeYAML reads a bare date as a {@link java.util.Date} at UTC midnight. */
    private static LocalDate date(Object v) {
        return v instanceof java.util.Date d
                ? d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                : LocalDate.parse(String.valueOf(v));
    }

    private static double hours(Object text) {
        return Quantities.parse(String.valueOf(text), Dimension.DURATION) / 3600;
    }
}
