package dev.chikuden.market;

import dev.chikuden.config.ConfigFile;
import dev.chikuden.config.Quantity;
import dev.chikuden.units.Dimension;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * @param gate                 when offers for a delivery day close
     * @param capYenPerKwPer30min  the price cap in EPRX's unit; infinite where there is none
     */
    public record Period(
            LocalDate from, double durationHours, double blockHours, Gate gate, double capYenPerKwPer30min) {
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

    /** The table as written: quantities in human units, read by the configuration kit. */
    record TableFile(List<ProductFile> products) {}

    record ProductFile(
            String name,
            String eprx,

            @Quantity(value = Dimension.DURATION, min = 0, aboveMin = true)
            double response,

            @Quantity(value = Dimension.DURATION, min = 0, aboveMin = true)
            double duration,

            List<PeriodFile> periods) {}

    record PeriodFile(
            LocalDate from,

            @Quantity(value = Dimension.DURATION, min = 0, aboveMin = true)
            double block,

            String gate,
            Double cap,

            @Quantity(value = Dimension.DURATION, min = 0, aboveMin = true)
            Double duration) {}

    private static Map<String, BalancingProduct> load() {
        String resource = "balancing-products.yaml";
        try (InputStream in = BalancingProduct.class.getResourceAsStream(resource)) {
            ConfigFile f = ConfigFile.read(
                    Path.of("(built-in) " + resource),
                    new InputStreamReader(in, StandardCharsets.UTF_8),
                    "the balancing products");
            TableFile table = f.root().bind(TableFile.class);
            f.throwIfAny();
            Map<String, BalancingProduct> out = new LinkedHashMap<>();
            for (ProductFile p : table.products()) {
                List<Period> periods = new ArrayList<>();
                for (PeriodFile r : p.periods()) {
                    periods.add(new Period(
                            r.from(),
                            (r.duration() != null ? r.duration() : p.duration()) / 3600,
                            r.block() / 3600,
                            Gate.parse(r.gate()),
                            r.cap() == null ? Double.POSITIVE_INFINITY : r.cap()));
                }
                out.put(p.name(), new BalancingProduct(p.name(), EprxProduct.of(p.eprx()), p.response(), periods));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
