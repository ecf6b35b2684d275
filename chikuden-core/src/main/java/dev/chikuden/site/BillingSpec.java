package dev.chikuden.site;

import dev.chikuden.tariff.Tariff;
import java.nio.file.Path;

/**
 * How the site is billed. Each case's contract comes from {@code grid.contract}, applied by
 * {@link dev.chikuden.study.SiteBilling}.
 *
 * @param tariff null when the site has no tariff section
 * @param prices JEPX area prices (market-linked menus, export at market price, the market-price
 *               adjustment); null when none
 */
public record BillingSpec(Tariff tariff, Prices prices) {
    /**
     * A JEPX spot_summary file and the area whose prices apply.
     *
     * @param intradayFile JEPX's intraday results (im_trade_summary), the prices deviations from a
     *                     day-ahead position trade at; null when none
     */
    public record Prices(Path file, String area, Path intradayFile) {}
}
