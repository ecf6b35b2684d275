package dev.chikuden.ems.api;

import dev.chikuden.gridcode.GridCodeRules;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.SiteModels;
import java.time.ZoneId;

/**
 * What the live grid-code metrics are judged against: the site's clock (half-hour demand slots
 * follow local time), its contracted demand and its grid-code rules.
 *
 * @param zone       the site's time zone
 * @param contractKw contracted demand, NaN when the site file gives none
 * @param rules      the site's grid-code rules, or the shipped defaults
 */
public record SiteLimits(ZoneId zone, double contractKw, GridCodeRules rules) {
    public static SiteLimits of(SiteConfig site) {
        return new SiteLimits(site.zone(), site.grid() == null ? Double.NaN : site.grid().contractKw(),
                SiteModels.gridCodeRules(site));
    }
}
