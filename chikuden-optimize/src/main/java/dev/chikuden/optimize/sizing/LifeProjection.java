package dev.chikuden.optimize.sizing;

import dev.chikuden.aging.AgingModel;
import dev.chikuden.battery.Augmentation;
import dev.chikuden.battery.BatteryParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a battery ages over a study when one year's duty (the SOC of an optimal dispatch) repeats
 * every year, and which cells it must buy: its own aging model is fed the year again and again,
 * its state carried from year to year (so a square-root-of-time calendar fade slows down as it
 * should, rather than being extrapolated linearly from the first year). A duty shorter than a
 * year is repeated until it fills each 365-day year.
 *
 * <p>After every chunk the model applies (a day), as {@code BatterySystem} does: when the battery
 * has an augmentation rule and it fires, new cells restore the nameplate energy (a new cohort,
 * bought that year); otherwise, once the state of health reaches the end-of-life SOH, all cells are
 * replaced (nameplate kWh bought that year, a fresh cohort). The duty itself stays the same each
 * year: the SOC is stored energy over nameplate energy, so a faded battery is assumed to run the
 * same kWh schedule (its SOC window in kWh shrinks in reality; the LP of year one does not see it).
 *
 * @param sohAfterFirstYear    state of health (capacity over nameplate) after year 1
 * @param yearsToEndOfLife     years until the SOH first reached the end-of-life SOH; +Infinity when
 *                             it does not within the study (or ever, with augmentation)
 * @param sohAtEnd             state of health at the end of the study
 * @param replacementKwhByYear cells bought in each study year (index 0 is year 1)
 * @param warnings             where the duty left the aging model's validated range
 */
public record LifeProjection(
        double sohAfterFirstYear,
        double yearsToEndOfLife,
        double sohAtEnd,
        double[] replacementKwhByYear,
        List<String> warnings) {
    private static final double DAYS_PER_YEAR = 365;

    public LifeProjection {
        replacementKwhByYear = replacementKwhByYear.clone();
        warnings = List.copyOf(warnings);
    }

    /** The life of a battery without an aging model: no fade, no cells bought. */
    public static LifeProjection noAging(int years) {
        return new LifeProjection(1, Double.POSITIVE_INFINITY, 1, new double[years], List.of());
    }

    /**
     * @param b            the battery (its nameplate energy, aging model, end of life, augmentation)
     * @param soc          SOC at the start of the duty, then at the end of each period (length periods + 1)
     * @param cellTemperatureC cell temperature in each period (length periods)
     * @param periodS      length of a period
     * @param years        study years, at least 1
     */
    public static LifeProjection of(
            BatteryParameters b, double[] soc, double[] cellTemperatureC, double periodS, int years) {
        if (years < 1 || soc.length != cellTemperatureC.length + 1 || !(periodS > 0)) {
            throw new IllegalArgumentException("need years >= 1, one SOC more than temperatures and a period > 0");
        }
        if (b.aging() == null) {
            return noAging(years);
        }
        return new Run(b, years).project(soc, cellTemperatureC, periodS);
    }

    /** Total cells bought over the study. */
    public double replacementKwh() {
        return Arrays.stream(replacementKwhByYear).sum();
    }

    /** The cohorts of one battery through the study. */
    private static final class Run {
        private final BatteryParameters b;
        private final AgingModel model;
        private final List<AgingModel.Cohort> cohorts = new ArrayList<>();
        private final List<Double> cohortKwh = new ArrayList<>();
        private final double[] bought;
        private double nextScheduledDay;
        private double endOfLifeDay = Double.NaN;

        Run(BatteryParameters b, int years) {
            this.b = b;
            this.model = b.aging().create();
            this.bought = new double[years];
            cohorts.add(model.newCohort());
            cohortKwh.add(b.energyKwh());
            nextScheduledDay = b.augmentation().everyDays();
        }

        LifeProjection project(double[] soc, double[] temperatureC, double periodS) {
            int periods = temperatureC.length;
            long perYear = Math.round(DAYS_PER_YEAR * 86_400 / periodS);
            long steps = perYear * bought.length;
            double firstYear = Double.NaN;
            model.addStep(clamp(soc[0]), temperatureC[0], 0);
            for (long k = 0; k < steps; k++) {
                int t = (int) (k % periods);
                model.addStep(clamp(soc[t + 1]), temperatureC[t], periodS);
                if (model.chunkComplete()) {
                    model.applyChunk(cohorts);
                    afterChunk((int) (k / perYear));
                }
                if (k + 1 == perYear) {
                    firstYear = soh();
                }
            }
            model.finishDuty();
            model.applyChunk(cohorts);
            afterChunk(bought.length - 1);
            if (bought.length == 1) {
                firstYear = soh();
            }
            double years = Double.isNaN(endOfLifeDay) ? Double.POSITIVE_INFINITY : endOfLifeDay / DAYS_PER_YEAR;
            return new LifeProjection(firstYear, years, soh(), bought, model.validityWarnings());
        }

        private double soh() {
            double kwh = 0;
            for (int i = 0; i < cohorts.size(); i++) {
                kwh += cohortKwh.get(i) * cohorts.get(i).relativeCapacity();
            }
            return kwh / b.energyKwh();
        }

        /** End of life, augmentation or replacement after a chunk of year {@code y}'s duty. */
        private void afterChunk(int y) {
            double soh = soh();
            double day = model.daysApplied();
            if (Double.isNaN(endOfLifeDay) && soh <= b.endOfLifeSoh()) {
                endOfLifeDay = day;
            }
            Augmentation aug = b.augmentation();
            boolean scheduled = aug.everyDays() > 0 && day >= nextScheduledDay - 1e-9;
            if (scheduled) {
                nextScheduledDay += aug.everyDays();
            }
            if ((aug.whenSohBelow() > 0 && soh < aug.whenSohBelow()) || scheduled) {
                double added = b.energyKwh() * (1 - soh);
                if (added > 0) {
                    cohorts.add(model.newCohort());
                    cohortKwh.add(added);
                    bought[y] += added;
                }
            } else if (soh <= b.endOfLifeSoh()) {
                cohorts.clear();
                cohortKwh.clear();
                cohorts.add(model.newCohort());
                cohortKwh.add(b.energyKwh());
                bought[y] += b.energyKwh();
            }
        }

        private static double clamp(double soc) {
            return Math.max(0, Math.min(1, soc));
        }
    }
}
