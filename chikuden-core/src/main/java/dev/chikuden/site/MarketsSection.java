package dev.chikuden.site;

import dev.chikuden.BadInputException;
import dev.chikuden.config.ConfigNode;
import dev.chikuden.market.BalancingProduct;
import dev.chikuden.market.EprxPrices;
import dev.chikuden.market.EprxResultsCsv;
import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import dev.chikuden.units.QuantityFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Makes the top-level {@code markets} section: balancing offers, a capacity contract, a long-term auction win. */
final class MarketsSection {
    private MarketsSection() {}

    /** The markets, {@link MarketsSpec#NONE} when absent, null after a problem. */
    static MarketsSpec read(SiteFile.Markets m, ConfigNode at) {
        if (m == null) {
            return MarketsSpec.NONE;
        }
        List<MarketsSpec.BalancingOffer> offers = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; m.balancing() != null && i < m.balancing().size(); i++) {
            SiteFile.Balancing b = m.balancing().get(i);
            ConfigNode node = at.get("balancing").get(i);
            if (!node.clean()) {
                continue; // the schema's problem is reported
            }
            if (seen.contains(b.product())) {
                node.get("product")
                        .problem("\"" + b.product() + "\" is offered twice; give each product once (its max caps the "
                                + "offer)");
            }
            seen.add(b.product());
            BalancingProduct product = BalancingProduct.named(b.product());
            EprxPrices results = b.prices() == null ? null : results(b.prices(), product, node.get("prices"));
            double[] perDay = b.prices() == null ? halfHours(b, node) : null;
            if (perDay != null || results != null) {
                offers.add(new MarketsSpec.BalancingOffer(
                        product,
                        perDay,
                        results,
                        b.max() == null ? Double.POSITIVE_INFINITY : b.max(),
                        b.activation(),
                        b.activationPrice(),
                        b.duration() == null ? Double.NaN : b.duration() / 3600));
            }
        }
        MarketsSpec.CapacityContract capacity =
                m.capacity() == null ? null : capacity(m.capacity(), at.get("capacity"));
        MarketsSpec.LongTermAuction longTerm = m.longTermAuction() == null
                ? null
                : new MarketsSpec.LongTermAuction(
                        m.longTermAuction().price(), m.longTermAuction().returnShare());
        return at.clean() ? new MarketsSpec(offers, capacity, longTerm) : null;
    }

    /** The product's prices in an EPRX results file, read now so that its problems are the site file's. */
    private static EprxPrices results(SiteFile.PriceFile f, BalancingProduct product, ConfigNode at) {
        Path path = at.file(f.file());
        if (!Files.isRegularFile(path)) {
            at.get("file").problem("\"" + f.file() + "\" does not exist (looked for " + path + ")");
            return null;
        }
        try {
            return EprxResultsCsv.read(path, f.area(), product.eprx());
        } catch (BadInputException e) {
            at.get("file").problem(e.getMessage());
            return null;
        }
    }

    /** The 48 half-hour prices of every day: one price, or 8 three-hour blocks, or 48 half-hours. */
    private static double[] halfHours(SiteFile.Balancing b, ConfigNode node) {
        double[] out = new double[48];
        if (b.price() != null) {
            java.util.Arrays.fill(out, b.price());
            return out;
        }
        double[] blocks = b.blockPrices();
        if (blocks.length != 8 && blocks.length != 48) {
            node.get("blockPrices")
                    .problem("has " + blocks.length + " prices; give 8 (3-hour blocks, 00:00-03:00 first) or 48 "
                            + "(30-minute blocks)");
            return null;
        }
        int per = 48 / blocks.length;
        for (int k = 0; k < 48; k++) {
            out[k] = blocks[k / per];
        }
        return out;
    }

    private static MarketsSpec.CapacityContract capacity(SiteFile.Capacity c, ConfigNode at) {
        double contracted = Double.NaN;
        if (c.contracted() != null && !"auto".equals(c.contracted())) {
            try {
                contracted = Quantities.parse(c.contracted(), Dimension.POWER);
                if (!(contracted > 0) || !Dimension.POWER.isPhysical(contracted)) {
                    at.get("contracted").problem("\"" + c.contracted() + "\" must be a power above 0, or auto");
                }
            } catch (QuantityFormatException e) {
                at.get("contracted").problem(e.getMessage() + ", or auto");
            }
        }
        if (c.tightDays() == null && c.tightDayShare() == null) {
            at.problem("say which days are assumed tight: tightDays (a list of dates) or tightDayShare (e.g. 2 %: "
                    + "that share of the study's days, those with the highest energy price)");
        }
        return new MarketsSpec.CapacityContract(
                c.price(),
                contracted,
                c.tightDays() == null ? List.of() : c.tightDays(),
                c.tightDayShare() == null ? 0 : c.tightDayShare(),
                LocalTime.parse(c.window()));
    }
}
