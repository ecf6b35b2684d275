package dev.chikuden.study;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.WearCost;
import dev.chikuden.site.PlanningSpec;
import dev.chikuden.site.SiteConfig;

/**
 * What a kWh discharged costs in wear, the same for every command: {@code optimize.degradationCost}
 * when given, else the battery's aging model priced at {@code finance.replacementYenPerKwh}
 * ({@link WearCost}), else nothing. Several batteries weigh by their energy.
 *
 * @param yenPerKwhDischarged per kWh of AC discharge
 * @param basis               where the price comes from, for the user
 */
public record WearPrice(double yenPerKwhDischarged, String basis) {
    /** The cell temperature the aging model's wear is priced at, °C. */
    static final double CELL_TEMPERATURE_C = 25;

    public static WearPrice of(SiteConfig site) {
        double configured = site.planning().optimize().degradationYenPerKwh();
        if (!Double.isNaN(configured)) {
            return new WearPrice(configured, "optimize.degradationCost");
        }
        PlanningSpec.FinanceSpec f = site.planning().finance();
        if (f == null || site.batteries().isEmpty()) {
            return new WearPrice(0, "not priced: give finance.replacementYenPerKwh or optimize.degradationCost");
        }
        double weighted = 0;
        double energy = 0;
        for (BatteryParameters b : site.batteries()) {
            weighted += b.energyKwh() * WearCost.yenPerKwhDischarged(b, f.replacementYenPerKwh(), CELL_TEMPERATURE_C);
            energy += b.energyKwh();
        }
        return new WearPrice(weighted / energy, "the aging model at finance.replacementYenPerKwh");
    }

    /** Whole yen of wear for {@code dischargedKwh}. */
    public long yen(double dischargedKwh) {
        return Math.round(yenPerKwhDischarged * dischargedKwh);
    }
}
