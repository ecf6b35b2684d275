package dev.chikuden.battery;

import dev.chikuden.aging.AgingRun;
import dev.chikuden.aging.DutyProfile;

/**
 * What a kWh of discharge costs in worn cells, for an optimiser that trades energy against wear:
 * the cells' replacement cost over the energy they deliver before end of life,
 * {@code replacement yen/kWh x nameplate kWh x fade per kWh discharged / (1 - end-of-life SOH)}.
 *
 * <p>The fade per kWh is the battery's own aging model on a reference year: one full cycle of the
 * SOC window a day, against a year resting at the window's middle, both at the given cell
 * temperature; the difference is the wear the cycling adds. It is the first year's rate, which for
 * a square-root-of-time model like BLAST's overstates later years a little.
 */
public final class WearCost {
    private static final int SAMPLES_PER_DAY = 24;

    private WearCost() {}

    /** Yen per kWh discharged (AC); 0 for a battery without an aging model. */
    public static double yenPerKwhDischarged(
            BatteryParameters b, double replacementYenPerKwh, double cellTemperatureC) {
        if (b.aging() == null || replacementYenPerKwh == 0) {
            return 0;
        }
        double cycled = capacityAfterYear(b, true, cellTemperatureC);
        double rested = capacityAfterYear(b, false, cellTemperatureC);
        double fade = Math.max(0, rested - cycled);
        double storedPerCycle = b.usableEnergyKwh();
        double dischargedPerYear = 365
                * storedPerCycle
                * b.conversion().dcDischargeEfficiency()
                * b.conversion().pcsEfficiency().at(1.0);
        return replacementYenPerKwh * b.energyKwh() * fade / dischargedPerYear / (1 - b.endOfLifeSoh());
    }

    private static double capacityAfterYear(BatteryParameters b, boolean cycling, double temperatureC) {
        int n = 365 * SAMPLES_PER_DAY + 1;
        double[] time = new double[n];
        double[] soc = new double[n];
        double[] temperature = new double[n];
        double mid = (b.socMin() + b.socMax()) / 2;
        double half = (b.socMax() - b.socMin()) / 2;
        for (int i = 0; i < n; i++) {
            time[i] = i * 86_400.0 / SAMPLES_PER_DAY;
            double phase = (double) (i % SAMPLES_PER_DAY) / SAMPLES_PER_DAY;
            double triangle = phase < 0.5 ? 1 - 4 * phase : 4 * phase - 3;
            soc[i] = cycling ? mid + half * triangle : mid;
            temperature[i] = temperatureC;
        }
        return AgingRun.run(b.aging().create(), new DutyProfile(time, soc, temperature), new double[0])
                .end()
                .relativeCapacity();
    }
}
