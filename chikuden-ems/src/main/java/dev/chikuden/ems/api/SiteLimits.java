package dev.chikuden.ems.api;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.gridcode.GridCodeRules;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.SiteModels;
import java.time.ZoneId;

/**
 * What the API judges against: the site's clock (half-hour demand slots follow local time), its
 * contracted demand and its grid-code rules for the live metrics, and its batteries' ratings for
 * an operator's setpoint.
 *
 * @param zone           the site's time zone
 * @param contractKw     contracted demand, NaN when the site file gives none
 * @param rules          the site's grid-code rules, or the shipped defaults
 * @param maxChargeKw    the batteries' charge ratings, summed
 * @param maxDischargeKw the batteries' discharge ratings, summed
 */
public record SiteLimits(
        ZoneId zone, double contractKw, GridCodeRules rules, double maxChargeKw, double maxDischargeKw) {
    public static SiteLimits of(SiteConfig site) {
        return new SiteLimits(
                site.zone(),
                site.grid() == null ? Double.NaN : site.grid().contractKw(),
                SiteModels.gridCodeRules(site),
                site.batteries().stream()
                        .mapToDouble(BatteryParameters::chargePowerKw)
                        .sum(),
                site.batteries().stream()
                        .mapToDouble(BatteryParameters::dischargePowerKw)
                        .sum());
    }
}
