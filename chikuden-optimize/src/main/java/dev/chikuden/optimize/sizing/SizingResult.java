package dev.chikuden.optimize.sizing;

import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchSolution;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.SiteBilling;
import java.util.List;

/**
 * A sizing sweep: every power with every energy, in grid order (power-major: all energies of the
 * first power, then of the second...), and the best by delivered NPV.
 *
 * @param powerKw        the powers tried, ascending as given
 * @param energyKwh      the energies tried
 * @param defaultGrid    true when the site gave no sizing section and the default grid was used
 * @param candidates     one a size, {@code powerKw.length x energyKwh.length}, power-major
 * @param bestIndex      index of the best candidate in {@code candidates}
 * @param withoutBattery the site's bill without a battery, as every command bills it
 * @param lpWithoutBatteryYen the same LP's bill without a battery, the LP savings' baseline
 * @param solver         the LP solver used
 * @param periods        periods of the dispatch year
 * @param simulated      how many sizes were played through the battery model
 * @param wallSeconds    the whole sweep, wall clock
 * @param best           the best size's site, problem and optimal dispatch (for outage figures)
 */
public record SizingResult(
        double[] powerKw,
        double[] energyKwh,
        boolean defaultGrid,
        List<Candidate> candidates,
        int bestIndex,
        SiteBilling.CaseBill withoutBattery,
        double lpWithoutBatteryYen,
        String solver,
        int periods,
        int simulated,
        double wallSeconds,
        Dispatch best) {
    /** A size's site (its battery scaled), its dispatch problem and the LP's optimal dispatch. */
    public record Dispatch(SiteConfig site, DispatchProblem problem, DispatchSolution solution) {}

    public SizingResult {
        powerKw = powerKw.clone();
        energyKwh = energyKwh.clone();
        candidates = List.copyOf(candidates);
    }

    /** The candidate with the highest delivered NPV (the first in grid order on a tie). */
    public Candidate bestCandidate() {
        return candidates.get(bestIndex);
    }

    /** The candidate of power {@code i} and energy {@code j}. */
    public Candidate at(int i, int j) {
        return candidates.get(i * energyKwh.length + j);
    }
}
