package dev.chikuden.site;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chikuden.config.ConfigNode;
import dev.chikuden.load.household.HouseholdLoad;
import dev.chikuden.load.household.HouseholdShape;
import dev.chikuden.time.JapaneseHolidays;
import java.time.LocalTime;
import java.util.Locale;

/** Makes a load of {@code type: household}: a shipped shape, the year's energy, water heater and car. */
final class HouseholdSection {
    private HouseholdSection() {}

    /** The load, or null after a problem. */
    static HouseholdLoadSpec read(SiteFile.Household h, ConfigNode at, String name) {
        HouseholdShape shape = HouseholdShape.named(h.preset());
        HouseholdLoad.EcoCute ecoCute = ecoCute(h.ecoCute(), at.get("ecoCute"));
        HouseholdLoad.EvCharging ev = h.ev() == null ? null : ev(h.ev(), at.get("ev"));
        if (!at.clean()) {
            return null;
        }
        double ecoKwh = ecoCute == null ? 0 : ecoCute.annualKwh() != null ? ecoCute.annualKwh() : ecoCuteMostKwh(shape);
        double evKwh = ev == null ? 0 : ev.dailyKwh() * 366;
        if (h.annual() <= ecoKwh + evKwh) {
            at.get("annual")
                    .problem("\"" + at.get("annual").text() + "\" leaves nothing for the rest of the household: the "
                            + "water heater takes " + kwh(ecoKwh) + " and the car " + kwh(evKwh) + " in a leap year; "
                            + "annual is the whole household's energy, these included: give more than "
                            + kwh(ecoKwh + evKwh));
            return null;
        }
        return new HouseholdLoadSpec(name, h.preset(), shape, h.annual(), ecoCute, ev);
    }

    /** true: the shape's own water heater; a mapping: its energy given; false or absent: none. */
    private static HouseholdLoad.EcoCute ecoCute(JsonNode node, ConfigNode at) {
        if (node == null || node.isNull() || node.isBoolean() && !node.asBoolean()) {
            return null;
        }
        return node.isBoolean()
                ? new HouseholdLoad.EcoCute(null)
                : new HouseholdLoad.EcoCute(at.bind(SiteFile.EcoCute.class).annual());
    }

    private static HouseholdLoad.EvCharging ev(SiteFile.Ev e, ConfigNode at) {
        if (e.daily() > e.power() * 24) {
            at.get("daily")
                    .problem("\"" + at.get("daily").text() + "\" a day needs more than 24 h at \""
                            + at.get("power").text() + "\"; give at most " + kwh(e.power() * 24)
                            + " a day or a larger power");
            return null;
        }
        return new HouseholdLoad.EvCharging(e.daily(), e.power(), LocalTime.parse(e.start()));
    }

    /** The most the shape's water heater draws in any calendar year the holidays are known for. */
    private static double ecoCuteMostKwh(HouseholdShape shape) {
        double most = 0;
        for (int y = JapaneseHolidays.FIRST_YEAR; y <= JapaneseHolidays.LAST_YEAR; y++) {
            most = Math.max(most, HouseholdLoad.ecoCuteKwhOfYear(shape, y));
        }
        return most;
    }

    private static String kwh(double v) {
        return String.format(Locale.ROOT, "%,.0f kWh", v);
    }
}
