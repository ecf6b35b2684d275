package dev.chikuden.site;

import dev.chikuden.load.household.HouseholdLoad;
import dev.chikuden.load.household.HouseholdShape;

/**
 * A household's load: a shipped shape scaled to the year's energy, with an optional heat-pump water
 * heater and electric car.
 *
 * @param annualKwh the whole household's energy in a calendar year, water heater and car included
 * @param ecoCute   null: none
 * @param ev        null: none
 */
public record HouseholdLoadSpec(
        String name,
        String preset,
        HouseholdShape shape,
        double annualKwh,
        HouseholdLoad.EcoCute ecoCute,
        HouseholdLoad.EvCharging ev)
        implements LoadSpec {}
