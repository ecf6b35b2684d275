package dev.chikuden.cli.plan;

import dev.chikuden.scenario.plan.BillFigures;
import dev.chikuden.scenario.plan.CaseFigures;
import dev.chikuden.scenario.plan.ControlChainFigures;
import dev.chikuden.scenario.plan.GridCodeFigures;
import dev.chikuden.scenario.plan.HouseholdFigures;
import dev.chikuden.scenario.plan.LatencyFigures;
import dev.chikuden.scenario.plan.MarketFigures;
import dev.chikuden.scenario.plan.PlanBusinessCase;
import dev.chikuden.scenario.plan.PlanFigures;
import dev.chikuden.scenario.plan.RatchetMonth;
import dev.chikuden.trace.TraceInput;
import dev.chikuden.units.Quantities;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The plan study as a compact text table for a terminal, printed from {@link PlanFigures}.
 * Powers and energies are shown in MW/MWh for sites above 10 MW, in kW/kWh below.
 */
public final class PlanTable {
    private final StringBuilder sb = new StringBuilder();
    private final PlanFigures f;
    private final CaseFigures without;
    private final CaseFigures with;
    private final double k;
    private final String pu;
    private final String eu;

    private PlanTable(PlanFigures f) {
        this.f = f;
        this.without = f.withoutBattery();
        this.with = f.withBattery();
        // a site without load draws nothing without its battery: its scale is the battery's
        double scaleKw = Math.max(
                without.grid().peakGridKw(),
                without.grid().energyImportedKwh() == 0 && with != null
                        ? with.grid().peakGridKw()
                        : 0);
        boolean mega = scaleKw >= 10_000;
        this.k = mega ? 1000 : 1;
        this.pu = mega ? "MW" : "kW";
        this.eu = mega ? "MWh" : "kWh";
    }

    public static String render(PlanFigures f, String resultsNote) {
        return new PlanTable(f).render(resultsNote);
    }

    private String render(String resultsNote) {
        sb.append(f.site())
                .append(": ")
                .append(Quantities.formatDuration(f.steps() * f.stepSeconds()))
                .append(" from ")
                .append(f.start())
                .append(" at ")
                .append(Quantities.formatDuration(f.stepSeconds()))
                .append(" steps\n");
        sb.append("Site class: ")
                .append(f.siteClass())
                .append(" (")
                .append(f.siteClassBasis())
                .append(")\n");
        for (TraceInput in : f.inputs()) {
            sb.append("Input: ").append(in.line()).append('\n');
            for (String note : in.notes()) {
                sb.append("  ").append(note).append('\n');
            }
        }
        sb.append('\n');
        sb.append(String.format(
                Locale.ROOT, "%-28s %-6s %16s %16s %12s%n", "", "", "without battery", "with battery", "change"));
        gridRow("Energy imported", eu, c -> c.grid().energyImportedKwh() / k, 1);
        gridRow("Energy exported", eu, c -> c.grid().energyExportedKwh() / k, 1);
        gridRow("Peak 30-min demand", pu, c -> c.grid().peakDemand30minKw() / k, 2);
        gridRow("Peak grid power", pu, c -> c.grid().peakGridKw() / k, 2);
        if (without.pv() != null) {
            gridRow("Self-consumption of PV", "%", c -> c.pv().selfConsumption() * 100, 1);
            gridRow("Self-sufficiency", "%", c -> c.pv().selfSufficiency() * 100, 1);
            if (with != null && with.pv().batteryGridChargedKwh() > 0) {
                only("Battery charged from grid", eu, with.pv().batteryGridChargedKwh() / k, 1);
            }
        }
        if (showsGridCode()) {
            gridRow(
                    f.stepSeconds() > 1 ? "Largest ramp (over a step)" : "Largest ramp (1 s)",
                    pu + "/s",
                    c -> c.grid().maxRampKwPerS() / k,
                    3);
            gridCodeRows();
        }
        if (with != null) {
            CaseFigures.Battery b = with.battery();
            only("Battery throughput", eu, b.batteryThroughputKwh() / k, 1);
            only("Equivalent full cycles", "", b.equivalentFullCycles(), 2);
            sb.append(String.format(
                    Locale.ROOT,
                    "%-28s %-6s %16s %16s%n",
                    "SOC range",
                    "%",
                    "-",
                    String.format(Locale.ROOT, "%.1f - %.1f", b.socMin() * 100, b.socMax() * 100)));
            only("Energy lost in the battery", eu, b.batteryLossesKwh() / k, 2);
            gpuSmoothing();
            if (b.bindingShare() != null) {
                StringBuilder shares = new StringBuilder();
                for (Map.Entry<String, Double> e : b.bindingShare().entrySet()) {
                    if (e.getValue() > 0) {
                        shares.append(shares.length() == 0 ? "" : ", ")
                                .append(e.getKey())
                                .append(String.format(Locale.ROOT, " %.1f %%", e.getValue() * 100));
                    }
                }
                sb.append("Deciding controller (share of steps): ")
                        .append(shares)
                        .append('\n');
            }
            if (f.life().agingModel() != null) {
                sb.append(String.format(
                        Locale.ROOT,
                        "%-28s %-6s %16s %16s%n",
                        "State of health at the end",
                        "%",
                        "-",
                        String.format(Locale.ROOT, "%.2f", b.stateOfHealthEnd() * 100)));
                life();
            }
        }
        if (without.billed() != null) {
            sb.append('\n');
            BillFigures.rows(
                    sb,
                    without.billed().bill(),
                    with == null ? null : with.billed().bill());
            if (!household()) { // a home's contract is its ampere or kVA, already in the basic charge
                contract();
            }
            if (f.billing().billSavingYen() != null) {
                saving();
            }
            if (f.billing().ratchetByMonth() != null && !household()) {
                ratchet(f.billing().ratchetByMonth());
            }
            for (String w : f.billing().billWarnings()) {
                sb.append("Contract warning: ").append(w).append('\n');
            }
        }
        sb.append('\n');
        sb.append(String.format(
                Locale.ROOT,
                "Simulated %,d steps in %.2f s (%,.0f steps/s)",
                f.stepsSimulated(),
                f.wallSeconds(),
                f.stepsPerSecond()));
        if (resultsNote != null) {
            sb.append("; ").append(resultsNote);
        }
        return sb.append('\n').toString();
    }

    /**
     * The grid-code section: for an AI campus, a grid battery, or any site that names its own
     * rules. A home, shop or factory is judged by none of the shipped rules, written for AI loads.
     */
    private boolean showsGridCode() {
        return f.siteClass().equals("ai-campus")
                || f.siteClass().equals("grid-battery")
                || without.gridCodeNotJudged() == null;
    }

    private boolean household() {
        return f.household() != null;
    }

    /** Each case's contract and how the rule set it. */
    private void contract() {
        PlanFigures.ContractRuleFigures rule = f.billing().contractRule();
        String basis = "contract " + rule.contract() + ", exceedance " + rule.exceedance() + "; "
                + without.billed().contractBasis()
                + (with == null ? "" : " / " + with.billed().contractBasis());
        double a = without.billed().contractKw();
        if (with == null) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%-28s %-5s %16s  (%s)%n",
                    "Contract",
                    "kW",
                    String.format(Locale.ROOT, "%,.0f", a),
                    basis));
            return;
        }
        double b = with.billed().contractKw();
        sb.append(String.format(
                Locale.ROOT,
                "%-28s %-5s %16s %16s %12s  (%s)%n",
                "Contract",
                "kW",
                String.format(Locale.ROOT, "%,.0f", a),
                String.format(Locale.ROOT, "%,.0f", b),
                String.format(Locale.ROOT, "%+,.0f", b - a),
                basis));
        PlanFigures.SteadyState steady = f.billing().withBatterySteadyState();
        if (steady != null) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%-28s %-5s %16s %16s  (the ratchet's later years)%n",
                    "Steady state: contract",
                    "kW",
                    "",
                    String.format(Locale.ROOT, "%,.0f", steady.contractKw())));
        }
    }

    /** The bill saving by line, then the net saving by item, each summing to its total. */
    private void saving() {
        PlanFigures.Billing s = f.billing();
        sb.append('\n');
        savingRow("Bill saving", s.billSavingYen(), "(bill without battery minus with)");
        s.billSavingByLine().forEach((key, yen) -> {
            if (yen != 0) {
                savingRow("  " + BillFigures.label(key), yen, "");
            }
        });
        savingRow("Market revenue", s.netSavingByItem().get("marketRevenueYen"), "");
        if (f.markets() != null) {
            marketRows(f.markets());
        }
        savingRow("Battery wear", s.netSavingByItem().get("batteryWearYen"), "(" + s.wearBasis() + ")");
        savingRow("Net saving", s.netSavingYen(), "(bill saving + market revenue - battery wear)");
        if (f.household() != null) {
            householdRows(f.household());
        }
        if (s.yearFrom() != null) {
            savingRow(
                    "Bill saving per year",
                    Math.round(s.billSavingPerYearYen()),
                    "(extended month by month from " + s.yearFrom() + ")");
        }
        if (s.withBatterySteadyState() != null && !household()) {
            savingRow(
                    "Bill saving, steady state",
                    s.withBatterySteadyState().billSavingYen(),
                    "(after 12 months the ratchet forgets the peaks without battery)");
        }
        if (s.contractEffectYen() != null) {
            savingRow(
                    "  of which the contracts",
                    s.contractEffectYen(),
                    String.format(
                            Locale.ROOT,
                            "(the fixed contracts against each case at its own peak, which saves %,d)",
                            s.savingAtOwnPeaksYen()));
        }
    }

    /** A home's bill saving split by counterfactuals, its payback and the outage hours covered. */
    private void householdRows(HouseholdFigures h) {
        sb.append('\n');
        savingRow("Bill saving, split", h.billSavingYen(), "(by counterfactuals, in this order:)");
        savingRow(
                "  self-consumption gain",
                h.savingSplit().get("selfConsumptionYen"),
                "(storing only PV surplus: the imports it avoids)");
        savingRow("  lost export revenue", h.savingSplit().get("lostExportYen"), "(the PV surplus no longer sold)");
        savingRow(
                "  time-of-use shift",
                h.savingSplit().get("touShiftYen"),
                "(the strategy against storing only PV surplus)");
        PlanBusinessCase p = h.payback();
        if (p != null) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%-28s %-5s %16s  (%,.0f yen installed; discounted at %.1f %%: %s)%n",
                    "Payback",
                    "years",
                    p.simplePaybackYears() != null
                            ? String.format(Locale.ROOT, "%.1f", p.simplePaybackYears())
                            : h.capexOverSavingYears() == null
                                    ? "never"
                                    : String.format(
                                            Locale.ROOT, "%.0f (beyond %d)", h.capexOverSavingYears(), p.years()),
                    p.capexYen(),
                    p.discountRate() * 100,
                    p.discountedPaybackYears() == null
                            ? "never within " + p.years() + " years"
                            : String.format(Locale.ROOT, "%.1f years", p.discountedPaybackYears())));
        } else {
            sb.append("Payback: give a finance section (capexYenPerKwh, ...)\n");
        }
        HouseholdFigures.Outage o = h.outage();
        StringBuilder ride = new StringBuilder();
        o.rideThrough()
                .forEach((hours, share) -> ride.append(ride.length() == 0 ? "" : ", ")
                        .append(hours)
                        .append(String.format(Locale.ROOT, " %.0f %%", share * 100)));
        sb.append(String.format(
                Locale.ROOT,
                "%-28s %-5s %16s  (%s%s; mean over every start time, capped at %.0f h; rides through %s)%n",
                "Outage hours covered",
                "h",
                String.format(Locale.ROOT, "%.1f", o.meanHours()),
                o.criticalLoadKw() == null
                        ? "the whole load"
                        : String.format(Locale.ROOT, "%,.2f kW critical load", o.criticalLoadKw()),
                o.criticalLoadKw() == null ? "" : ", " + o.criticalLoadBasis(),
                o.cappedAtHours(),
                ride));
    }

    /**
     * The ratchet month by month: each case's peak and the contract it sets, the case with battery
     * in its first year (the months before inherited from the case without) and later, and the
     * basic charge it saves, summing to the bill saving's basic-charge line.
     */
    private void ratchet(List<RatchetMonth> months) {
        sb.append(String.format(
                Locale.ROOT,
                "%n12-month ratchet (実量制): a month's contract is the largest 30-min demand of it and the 11 before%n"));
        String row = "%-8s %10s %10s %10s %10s %12s %14s %14s%n";
        sb.append(String.format(
                Locale.ROOT, row, "", "peak " + pu, "", "contract " + pu, "", "", "basic charge", "saving yen"));
        sb.append(String.format(
                Locale.ROOT,
                row,
                "month",
                "without",
                "with",
                "without",
                "with",
                "with, later",
                "first year",
                "later years"));
        String kw = k == 1 ? "%,.1f" : "%,.4f";
        long first = 0;
        long later = 0;
        for (RatchetMonth m : months) {
            sb.append(String.format(
                    Locale.ROOT,
                    row,
                    m.month(),
                    String.format(Locale.ROOT, kw, m.peakWithoutBatteryKw() / k),
                    String.format(Locale.ROOT, kw, m.peakWithBatteryKw() / k),
                    String.format(Locale.ROOT, kw, m.contractWithoutBatteryKw() / k),
                    String.format(Locale.ROOT, kw, m.contractWithBatteryKw() / k),
                    String.format(Locale.ROOT, kw, m.contractWithBatterySteadyStateKw() / k),
                    String.format(Locale.ROOT, "%,d", m.basicChargeSavingYen()),
                    String.format(Locale.ROOT, "%,d", m.basicChargeSavingSteadyStateYen())));
            first += m.basicChargeSavingYen();
            later += m.basicChargeSavingSteadyStateYen();
        }
        sb.append(String.format(
                Locale.ROOT,
                row,
                "Sum",
                "",
                "",
                "",
                "",
                "",
                String.format(Locale.ROOT, "%,d", first),
                String.format(Locale.ROOT, "%,d", later)));
    }

    /** The market revenue by product and payment, summing to it. */
    private void marketRows(MarketFigures m) {
        for (MarketFigures.Product p : m.balancing()) {
            savingRow(
                    "  " + p.product(),
                    p.capacityYen() + p.activationYen(),
                    String.format(
                            Locale.ROOT,
                            "(%,.0f ΔkW·h sold at the gates, %.2f %% honoured; activation %,.0f kWh, %,d yen)",
                            p.soldKwH(),
                            p.honouredShare() * 100,
                            p.activationKwh(),
                            p.activationYen()));
        }
        if (m.activationOnBillYen() != 0) {
            savingRow(
                    "  activation on the bill", m.activationOnBillYen(), "(in the bill saving; the TSO pays it above)");
        }
        if (m.contractedKw() != null) {
            String duty = m.tightWindowHours() == null
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            "; duty windows %.1f h, %.1f h short",
                            m.tightWindowHours(),
                            m.tightWindowShortHours());
            savingRow(
                    m.longTermAuction() ? "  long-term auction" : "  capacity payment",
                    m.fixedPaymentsYen(),
                    String.format(Locale.ROOT, "(%,.0f kW contracted%s)", m.contractedKw(), duty));
        }
    }

    private void savingRow(String label, long yen, String note) {
        sb.append(String.format(
                                Locale.ROOT,
                                "%-28s %-5s %16s  %s",
                                label,
                                "yen",
                                String.format(Locale.ROOT, "%,d", yen),
                                note)
                        .stripTrailing())
                .append('\n');
    }

    /** The third case, when compared: no battery, the GPUs smoothing themselves. */
    private void gpuSmoothing() {
        CaseFigures g = f.withGpuSmoothing();
        if (g == null) {
            return;
        }
        CaseFigures.GpuSmoothing s = g.gpuSmoothing();
        sb.append(String.format(
                Locale.ROOT,
                "%nInstead of the battery, GPU-side smoothing (floor %.0f %% of TDP, %,.0f W/s per GPU):%n",
                s.gpuFloor() * 100,
                s.gpuRampWPerS()));
        sb.append(String.format(
                Locale.ROOT,
                "  extra energy %,.1f %s (%+.2f %%), peak 30-min demand %,.2f %s, largest ramp %,.3f %s/s,"
                        + " dynamic range %,.2f %s%n",
                s.extraEnergyKwh() / k,
                eu,
                s.extraEnergyKwh() / without.grid().energyImportedKwh() * 100,
                g.grid().peakDemand30minKw() / k,
                pu,
                g.grid().maxRampKwPerS() / k,
                pu,
                g.gridCode().dynamicRangeKw() / k,
                pu));
        sb.append("  grid-code rules: ").append(g.verdict());
        for (GridCodeFigures.Failure fail : g.gridCodeFailures()) {
            sb.append("; fails ").append(fail.rule());
        }
        sb.append("\n\n");
    }

    /** Grid-code metrics of both cases, then the rules each case fails. */
    private void gridCodeRows() {
        GridCodeFigures a = without.gridCode();
        gridRow("Largest ramp (1 min)", pu + "/min", c -> c.gridCode().maxRampKwPerMin() / k, 2);
        if (a.dynamicRangeWindowSeconds() > f.stepSeconds()) { // else no deviation can be seen (its note says so)
            gridRow("Dynamic range (1 min)", pu, c -> c.gridCode().dynamicRangeKw() / k, 2);
        }
        if (a.bandEnergyShare() != null) {
            gridRow("Oscillation share in band", "%", c -> c.gridCode().bandEnergyShare() * 100, 1);
            gridRow("Oscillation RMS in band", pu, c -> c.gridCode().bandRmsKw() / k, 2);
            gridRow("Dominant frequency", "Hz", c -> c.gridCode().dominantFrequencyHz(), 3);
        }
        if (a.loadDropEvents() != null) { // left out for a site without load (see GridCodeFigures)
            gridRow(
                    String.format(
                            Locale.ROOT,
                            "Load drops > %s %s in %s s",
                            fmt(a.loadDropKw() / k),
                            pu,
                            fmt(a.loadDropWithinSeconds())),
                    "",
                    c -> c.gridCode().loadDropEvents(),
                    0);
        }
        sb.append(String.format(
                Locale.ROOT,
                "%-28s %-6s %16s %16s%n",
                "Grid-code rules",
                "",
                without.verdict(),
                with == null ? "-" : with.verdict()));
        if (without.gridCodeNotJudged() != null) {
            sb.append("  no rule judged: ").append(without.gridCodeNotJudged()).append('\n');
        }
        failures("without battery", without);
        if (with != null) {
            failures("with battery", with);
            controlChain();
        }
    }

    /** The chain the battery acts through, the with-battery figures without its latency, and the latency it tolerates. */
    private void controlChain() {
        ControlChainFigures c = f.controlChain();
        if (!c.simulated()) {
            sb.append("Control chain not simulated: ").append(c.notSimulated()).append('\n');
            return;
        }
        sb.append("Control chain: ").append(c.describe()).append('\n');
        GridCodeFigures ideal = f.gridCodeIdeal();
        List<GridCodeFigures.Failure> idealFailures = ideal.rules().stream()
                .filter(r -> !r.pass())
                .map(r -> new GridCodeFigures.Failure(r.rule(), r.value() == null ? Double.NaN : r.value(), r.limit()))
                .toList();
        sb.append(String.format(
                Locale.ROOT,
                "Without latency (ideal chain): %s; largest 1-s ramp %,.3f %s/s, dynamic range %,.2f %s%s%s%n",
                ideal.verdict(idealFailures),
                Math.max(ideal.maxRampUpKwPerS(), ideal.maxRampDownKwPerS()) / k,
                pu,
                ideal.dynamicRangeKw() / k,
                pu,
                ideal.bandEnergyShare() == null
                        ? ""
                        : String.format(Locale.ROOT, ", band share %.1f %%", ideal.bandEnergyShare() * 100),
                ideal.loadDropEvents() == null ? "" : ", load drops " + ideal.loadDropEvents()));
        LatencyFigures l = f.latencyOnWorstHour();
        sb.append("Latency tolerated on the worst hour (")
                .append(f.worstHour())
                .append("): ")
                .append(tolerated(l))
                .append('\n');
    }

    private String tolerated(LatencyFigures l) {
        if (!l.passesWithoutLatency()) {
            return "fails even without latency (" + String.join(", ", l.failuresAbove()) + ")";
        }
        long ms = f.latencyToleratedMs();
        String above = ControlChainFigures.ms(ms + l.resolutionMs()) + " fails " + String.join(", ", l.failuresAbove());
        String up = l.capped()
                ? "passes up to " + ControlChainFigures.ms(ms) + ", the search's end"
                : ms == 0
                        ? "passes only without latency (" + above + ")"
                        : "passes up to " + ControlChainFigures.ms(ms) + " (" + above + ")";
        if (l.configuredPasses()) {
            return up;
        }
        return up + "; the configured " + ControlChainFigures.ms(l.configuredLatencyMs()) + " fails"
                + (l.configuredFailures().equals(l.failuresAbove())
                        ? " too"
                        : " " + String.join(", ", l.configuredFailures()));
    }

    private void failures(String side, CaseFigures c) {
        for (GridCodeFigures.Failure fail : c.gridCodeFailures()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-13s fails %s: %s over the limit %s%n",
                    side,
                    fail.rule(),
                    fmt(fail.value()),
                    fmt(fail.limit())));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.3f", v);
    }

    /** Per-year battery life, shown when the study runs more than one year. */
    private void life() {
        PlanFigures.Life life = f.life();
        List<PlanFigures.Year> years = life.years();
        if (years.size() > 1) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%n%-6s %8s %8s %16s %18s%n",
                    "Year",
                    "SOH %",
                    "cycles",
                    "throughput " + eu,
                    "peak 30-min " + pu));
            for (PlanFigures.Year y : years) {
                sb.append(String.format(
                        Locale.ROOT,
                        "%-6s %8.2f %8.1f %16s %18s%n",
                        y.year(),
                        y.stateOfHealth() * 100,
                        y.equivalentFullCycles(),
                        String.format(Locale.ROOT, "%,.1f", y.batteryThroughputKwh() / k),
                        String.format(Locale.ROOT, "%,.2f", y.peakDemand30minKw() / k)));
            }
        }
        double threshold = life.endOfLifeSoh() * 100;
        double lastSoh = years.get(years.size() - 1).stateOfHealth() * 100;
        sb.append("Aging model: ").append(life.agingModel()).append('\n');
        sb.append(
                life.endOfLifeYear() == null
                        ? String.format(
                                Locale.ROOT,
                                "End of life (SOH %.0f %%): not reached in %s; SOH %.2f %% at the end%n",
                                threshold,
                                years.size() > 1 ? years.size() + " years" : "the study period",
                                lastSoh)
                        : String.format(
                                Locale.ROOT,
                                "End of life (SOH %.0f %%): reached in year %s%n",
                                threshold,
                                life.endOfLifeYear()));
        for (PlanFigures.Augmentation a : life.augmentations()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "Augmentation: %s in year %s, +%,.1f %s (SOH was %.2f %%)%n",
                    a.battery(),
                    a.year(),
                    a.addedKwh() / k,
                    eu,
                    a.stateOfHealthBefore() * 100));
        }
        for (String w : life.agingWarnings()) {
            sb.append("Aging model warning: ").append(w).append('\n');
        }
    }

    /** A figure of both cases and its change; {@code with} shows "-" for a site without battery. */
    private void gridRow(String label, String unit, ToDoubleFunction<CaseFigures> figure, int decimals) {
        double a = figure.applyAsDouble(without);
        String format = "%,." + decimals + "f";
        String b = with == null ? "-" : String.format(Locale.ROOT, format, figure.applyAsDouble(with));
        String change =
                with == null ? "" : String.format(Locale.ROOT, "%+,." + decimals + "f", figure.applyAsDouble(with) - a);
        sb.append(String.format(
                Locale.ROOT,
                "%-28s %-6s %16s %16s %12s%n",
                label,
                unit,
                String.format(Locale.ROOT, format, a),
                b,
                change));
    }

    private void only(String label, String unit, double value, int decimals) {
        sb.append(String.format(
                Locale.ROOT,
                "%-28s %-6s %16s %16s%n",
                label,
                unit,
                "-",
                String.format(Locale.ROOT, "%,." + decimals + "f", value)));
    }
}
