package dev.chikuden.openadr;

import dev.chikuden.BadInputException;
import java.util.Locale;
import java.util.Map;

/**
 * The units an event's payloadDescriptor may give, turned into Chikuden's. The specification's list
 * has KW for power and KWH for energy; W, MW and MWH are accepted too, since a VTN of a Japanese
 * aggregator or TSO may well speak in MW (the field is a free string).
 */
final class Units {
    private static final Map<String, Double> KW_PER_POWER_UNIT = Map.of("W", 1e-3, "KW", 1.0, "MW", 1e3);
    private static final Map<String, Double> KWH_PER_ENERGY_UNIT = Map.of("WH", 1e-3, "KWH", 1.0, "MWH", 1e3);

    private Units() {}

    /** A power in kW. */
    static double kw(double value, String units, String payloadType) {
        return value * factor(KW_PER_POWER_UNIT, units, payloadType);
    }

    /** A price per {@code units} of energy, as a price per kWh. */
    static double perKwh(double price, String units, String payloadType) {
        return price / factor(KWH_PER_ENERGY_UNIT, units, payloadType);
    }

    private static double factor(Map<String, Double> known, String units, String payloadType) {
        if (units == null) {
            throw new BadInputException(
                    "no payloadDescriptor of the event or its program gives the units of " + payloadType + "; allowed: "
                            + known.keySet().stream().sorted().toList());
        }
        Double f = known.get(units.trim().toUpperCase(Locale.ROOT));
        if (f == null) {
            throw new BadInputException("units '" + units + "' of " + payloadType + " are not known; allowed: "
                    + known.keySet().stream().sorted().toList());
        }
        return f;
    }
}
