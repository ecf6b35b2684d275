package dev.chikuden.site;

import dev.chikuden.tariff.Tariff;
import java.nio.file.Path;

/**
 * How the site is billed.
 *
 * @param tariff null when the site has no tariff section
 * @param prices JEPX area prices (market-linked menus, export at market price, the market-price
 *               adjustment); null when none
 */
public record BillingSpec(Tariff tariff, Prices prices, double contractWithBatteryKw) {
    /** The tariff of the case with the battery: the same, with its own agreed contract when one is given. */
    public Tariff tariffWithBattery() {
        return Double.isNaN(contractWithBatteryKw) || tariff == null ? tariff : tariff.withAgreedKw(contractWithBatteryKw);
    }

    /** A JEPX spot_summary file and the area whose prices apply. */
    public record Prices(Path file, String area) {
    }
}
