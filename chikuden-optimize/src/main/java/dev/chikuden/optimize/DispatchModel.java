package dev.chikuden.optimize;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import dev.chikuden.BadInputException;
import dev.chikuden.optimize.DispatchProblem.ContractMode;
import dev.chikuden.optimize.DispatchProblem.DemandCharge;
import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import dev.chikuden.optimize.DispatchProblem.Storage;

/**
 * The dispatch LP of a {@link DispatchProblem}, built once in an OR-Tools solver and re-solvable
 * after {@link #update} (the rolling MPC changes prices, loads and the starting energy every slot).
 *
 * <p>Variables per period: battery charge and discharge, and grid export where the period allows
 * any; per month the 30-minute peak and the excess over the
 * contract (or the contract itself); per reserve block the capacity offered. The grid import is
 * not a variable: the power balance gives it, {@code import = net load + charge - discharge +
 * export}, and it is substituted everywhere (the demand rows, the objective, whose constant part
 * {@code sum(price x net load)} is left out of the model: an MPS file keeps an objective offset
 * only to a few digits). Its bounds {@code 0 <= import <= limit}
 * become a row {@code "import_t"} only in periods where the battery and export could reach them.
 * The year's LP so loses a third of its columns and rows (no balance rows, no import or fixed-zero
 * export columns), and the dual simplex a good part of its work. The LP works in MW, MWh and
 * thousand yen, so a yen/kWh price keeps its number and the coefficients stay near 1, which the
 * simplex likes.
 *
 * <p>The stored energy is a column only at the end of every {@value #STORAGE_BLOCK}th period (and
 * of the last one), linked to the previous one by the energy row {@code "energy_t"}: {@code e_t =
 * e_prev + sum(eta_c h c - h / eta_d d)} over the block. Within a block the stored energy is that
 * sum, a row {@code "stored_t"} bounded by the SOC window, and the starting energy a fixed column
 * {@code "stored_initial"}. The same LP as a column and an energy row per period, but a stored
 * energy strictly inside the window is a basic variable, and every one the simplex has to pivot in
 * (17,520 in a year) costs an iteration; a row's slack is basic from the start. With blocks of 4
 * the year's dual simplex needs ~9,000 iterations instead of ~22,000.
 *
 * <p>Charge and discharge in the same period are allowed by the LP but never pay while energy has
 * a positive price (the round trip only loses energy). Where it could pay (an import price at or
 * below zero, or an export worth more than an import), a rating row {@code c/Pc + d/Pd <= 1} rules
 * it out. A reusable model has the rating row, the export column and the import row in every
 * period, since its numbers change; a model for one problem only where that problem needs them.
 *
 * <p>A battery with {@link DispatchProblem.Physics physics} gets what the battery model enforces
 * where it matters. Each period has its own one-way efficiencies: the PCS curve is not convex at
 * low load (a near-constant loss once the converter runs), so no convex loss would be true to it;
 * {@link #solveAtOperatingPoint} instead takes each period's efficiencies at the power the previous
 * solve gave it and solves again (a sequential linearisation, exact where the plan repeats itself).
 * The cells' losses heat the container, whose HVAC spends {@code 1/COP} kW per kW removed: a
 * coefficient on charge and discharge in the import. The SOC tapers are rows {@code "taper_*"} on
 * the power of a period against its mean stored energy, {@code P <= a + b (e_prev + e) / 2}, one
 * per segment of the taper's concave hull over the SOC window where it falls below full power, in
 * every period once a plan broke a taper (a model that never needs them goes without).
 *
 * <p>With {@link DemandCharge#forbidExcess} no month's peak may pass the contract: the excess
 * columns are fixed at zero and the contract is a hard limit (the LP's variable when optimised).
 *
 * <p>A problem with a grid position ({@link DispatchProblem#positionKw}, a day-ahead position sold
 * before) gets a row {@code "position_t"} per period that holds {@code import - export} at it, free
 * where the position is NaN; a model built with positions keeps the rows through {@link #update}
 * (all free for a problem without), one built without takes none.
 */
public final class DispatchModel implements AutoCloseable {
    /** kW per MW, yen per thousand yen. */
    private static final double K = 1000;
    /** Periods per stored-energy column; 3 to 8 all solve the year in about the same time. */
    static final int STORAGE_BLOCK = 4;

    private static final double INF = Double.POSITIVE_INFINITY;

    static {
        Loader.loadNativeLibraries();
    }

    private final Solver solver;
    private final MPSolver lp;
    private final boolean reusable;
    private final int n;
    private final int months;
    private DispatchProblem p;
    private final double buildSeconds;

    /** Export; null in periods whose export is fixed at zero (non-reusable model only). */
    private final MPVariable[] ge;
    /** Rows {@code -net <= c - d + ge <= limit - net}: the import's bounds; null where they cannot bind. */
    private final MPConstraint[] importRows;
    /** A period whose import, fixed at its net load, is out of bounds; -1 for none. */
    private int importOutOfBounds = -1;

    private final MPVariable[] c;
    private final MPVariable[] d;
    /** Stored energy: a column at the end of each block, null within one. */
    private final MPVariable[] e;
    /** The stored energy within a block, a row; null at the block's end. */
    private final MPConstraint[] storedRows;
    /** Rows linking a block's end to the previous one; null within a block. */
    private final MPConstraint[] soc;
    /** Rows {@code c/Pc + d/Pd <= 1}; null in periods that do not need one. */
    private final MPConstraint[] rating;
    /**
     * Rows {@code c (1 + hvac) - d (1 - hvac) = position - net}: the grid flow {@code import - export}
     * held at a position sold before; free where the position is NaN. Built, one a period, only for a
     * problem with positions (and a battery); empty otherwise.
     */
    private final MPConstraint[] positionRows;
    /** The stored energy at the start, fixed; null without a battery. */
    private final MPVariable initial;

    private final int block;
    /** One-way efficiencies of each period: AC to stored, stored to AC. */
    private final double[] etaC;

    private final double[] etaD;
    /** HVAC kW per kW charged or discharged in each period (the heat of the cells' losses). */
    private final double[] hvacC;

    private final double[] hvacD;
    /**
     * Taper rows of each period, one per line of the taper: {@code [period][line]}, null until a plan
     * broke a taper (see {@link #solveAtOperatingPoint}).
     */
    private final MPConstraint[][] chargeTaperRows;

    private final MPConstraint[][] dischargeTaperRows;
    /** The battery's taper lines, for the battery now in the model. */
    private TaperLines.Line[] chargeLines = new TaperLines.Line[0];

    private TaperLines.Line[] dischargeLines = new TaperLines.Line[0];
    private final MPVariable[] peak;
    private final MPVariable[] excess;
    /** OPTIMISED: one; RATCHET: one per month; FIXED: none. */
    private final MPVariable[] contract;

    private final MPConstraint[] slotRows;
    private final int[] slotMonth;
    private final MPConstraint[] excessRows;
    /** The offer of each reserve product in each of its blocks: {@code [product][block]}. */
    private final MPVariable[][] offers;
    /** Row {@code sum(r x duration / efficiency) <= initial - floor}: the offers of period 0 from the start. */
    private final MPConstraint reserveStartRow;
    /** Rows {@code d - c + sum(r) <= Pd}, one a period when a reserve is sold: no kW serves twice. */
    private final MPConstraint[] reservePowerRows;
    /**
     * Rows {@code e_stored - sum(r_covered x duration / efficiency) >= floor + held}: the energy to deliver
     * every offer of period {@code covered}, at the end of it and, where a block starts, before it.
     */
    private final java.util.List<ReserveEnergy> reserveEnergyRows = new java.util.ArrayList<>();

    private record ReserveEnergy(MPConstraint row, int stored, int covered) {}

    /**
     * @param reusable true to keep every rating row so {@link #update} may change any price
     */
    public DispatchModel(DispatchProblem problem, Solver solver, boolean reusable) {
        this(problem, solver, reusable, STORAGE_BLOCK);
    }

    /** With {@code block} periods per stored-energy column (1: a column every period). */
    DispatchModel(DispatchProblem problem, Solver solver, boolean reusable, int block) {
        long started = System.nanoTime();
        if (block < 1) {
            throw new IllegalArgumentException("block must be at least 1 period, was " + block);
        }
        this.block = block;
        this.p = problem;
        this.solver = solver;
        this.reusable = reusable;
        this.n = problem.periods();
        this.lp = MPSolver.createSolver(solver.orToolsId());
        if (lp == null) {
            throw new IllegalStateException("OR-Tools has no " + solver.id() + " solver on this platform");
        }
        lp.suppressOutput();
        if (solver == Solver.HIGHS) {
            // suppressOutput leaves HiGHS's banner on every solve, hundreds of lines under the MPC; the
            // option is applied at solve time (the call answers false all the same)
            lp.setSolverSpecificParametersAsString("output_flag=false");
        }
        Storage s = problem.storage();
        etaC = new double[s == null ? 0 : n];
        etaD = new double[etaC.length];
        hvacC = new double[etaC.length];
        hvacD = new double[etaC.length];
        if (s != null) {
            c = new MPVariable[n];
            d = new MPVariable[n];
            e = new MPVariable[n];
            storedRows = new MPConstraint[n];
            soc = new MPConstraint[n];
            rating = new MPConstraint[n];
            initial = lp.makeNumVar(0, INF, "stored_initial");
            for (int t = 0; t < n; t++) {
                c[t] = lp.makeNumVar(0, INF, "charge_" + t);
                d[t] = lp.makeNumVar(0, INF, "discharge_" + t);
                if (reusable || rateRowNeeded(problem, t)) {
                    rating[t] = lp.makeConstraint(-INF, 1, "rating_" + t);
                }
            }
            for (int first = 0; first < n; first += block) {
                int last = Math.min(n, first + block) - 1;
                for (int t = first; t < last; t++) {
                    storedRows[t] = lp.makeConstraint(0, INF, "stored_" + t);
                }
                e[last] = lp.makeNumVar(0, INF, "stored_" + last);
                soc[last] = lp.makeConstraint(0, 0, "energy_" + last);
            }
            chargeTaperRows = new MPConstraint[n][];
            dischargeTaperRows = new MPConstraint[n][];
            positionRows = new MPConstraint[problem.positionKw() == null ? 0 : n];
            for (int t = 0; t < positionRows.length; t++) {
                positionRows[t] = lp.makeConstraint(-INF, INF, "position_" + t);
            }
        } else {
            c = d = e = new MPVariable[0];
            storedRows = soc = rating = new MPConstraint[0];
            initial = null;
            chargeTaperRows = dischargeTaperRows = new MPConstraint[0][];
            positionRows = new MPConstraint[0]; // without a battery the grid flow is the net load
        }
        ge = new MPVariable[n];
        importRows = new MPConstraint[n];
        // Without battery or demand charge keep every import row: CLP fails on an LP without rows.
        boolean allImportRows = reusable || (s == null && problem.demand() == null);
        for (int t = 0; t < n; t++) {
            if (reusable || problem.exportLimitKw()[t] > 0) {
                ge[t] = lp.makeNumVar(0, problem.exportLimitKw()[t] / K, "export_" + t);
            }
            // Without battery or export the import is the net load: setData checks its bounds itself.
            if ((allImportRows || importRowNeeded(problem, t)) && (s != null || ge[t] != null)) {
                importRows[t] = lp.makeConstraint(-INF, INF, "import_" + t);
            }
        }
        DemandCharge dc = problem.demand();
        months = dc == null ? 0 : dc.months();
        if (dc != null) {
            peak = new MPVariable[months];
            for (int m = 0; m < months; m++) {
                peak[m] = lp.makeNumVar(0, INF, "peak_" + m);
            }
            int slots = (n + dc.periodsPerSlot() - 1) / dc.periodsPerSlot();
            slotRows = new MPConstraint[slots];
            slotMonth = new int[slots];
            for (int k = 0; k < slots; k++) {
                int first = k * dc.periodsPerSlot();
                slotRows[k] = lp.makeConstraint(-INF, 0, "demand_" + k);
                slotMonth[k] = dc.monthOfPeriod()[first];
                slotRows[k].setCoefficient(peak[slotMonth[k]], -1);
            }
            if (dc.mode() == ContractMode.RATCHET) {
                excess = new MPVariable[0];
                excessRows = new MPConstraint[0];
                contract = new MPVariable[months];
                for (int m = 0; m < months; m++) {
                    contract[m] = lp.makeNumVar(0, INF, "contract_" + m);
                    for (int j = Math.max(0, m - 11); j <= m; j++) {
                        MPConstraint r = lp.makeConstraint(0, INF, "ratchet_" + m + "_" + j);
                        r.setCoefficient(contract[m], 1);
                        r.setCoefficient(peak[j], -1);
                    }
                }
            } else {
                contract = dc.mode() == ContractMode.OPTIMISED
                        ? new MPVariable[] {lp.makeNumVar(0, INF, "contract")}
                        : new MPVariable[0];
                excess = new MPVariable[months];
                excessRows = new MPConstraint[months];
                for (int m = 0; m < months; m++) {
                    excess[m] = lp.makeNumVar(0, INF, "excess_" + m);
                    excessRows[m] = lp.makeConstraint(-INF, 0, "over_contract_" + m);
                    excessRows[m].setCoefficient(peak[m], 1);
                    excessRows[m].setCoefficient(excess[m], -1);
                    if (contract.length == 1) {
                        excessRows[m].setCoefficient(contract[0], -1);
                    }
                }
            }
        } else {
            peak = excess = contract = new MPVariable[0];
            slotRows = excessRows = new MPConstraint[0];
            slotMonth = new int[0];
        }
        java.util.List<ReserveMarket> products = s == null ? java.util.List.of() : problem.reserves();
        offers = new MPVariable[products.size()][];
        for (int k = 0; k < offers.length; k++) {
            ReserveMarket rm = products.get(k);
            offers[k] = new MPVariable[(n + rm.blockPeriods() - 1) / rm.blockPeriods()];
            for (int b = 0; b < offers[k].length; b++) {
                offers[k][b] = lp.makeNumVar(0, INF, "reserve_" + k + "_" + b);
            }
        }
        if (offers.length > 0) {
            reservePowerRows = new MPConstraint[n];
            for (int t = 0; t < n; t++) {
                MPConstraint head = lp.makeConstraint(-INF, s.dischargeKw() / K, "reserve_power_" + t);
                head.setCoefficient(d[t], 1);
                head.setCoefficient(c[t], -1);
                for (int k = 0; k < offers.length; k++) {
                    head.setCoefficient(offers[k][products.get(k).blockOf(t)], 1);
                }
                reservePowerRows[t] = head;
                reserveEnergyRows.add(new ReserveEnergy(lp.makeConstraint(0, INF, "reserve_energy_" + t), t, t));
                if (t > 0 && blockStarts(products, t)) {
                    reserveEnergyRows.add(
                            new ReserveEnergy(lp.makeConstraint(0, INF, "reserve_energy_before_" + t), t - 1, t));
                }
            }
            reserveStartRow = lp.makeConstraint(-INF, 0, "reserve_energy_start");
        } else {
            reservePowerRows = new MPConstraint[0];
            reserveStartRow = null;
        }
        if (s != null) {
            ratedEfficiencies(s);
        }
        setCoefficients(problem);
        setData(problem);
        buildSeconds = (System.nanoTime() - started) / 1e9;
    }

    /** Every period at the efficiencies of the rated power, the first linearisation. */
    private void ratedEfficiencies(Storage s) {
        java.util.Arrays.fill(etaC, s.chargeEfficiency());
        java.util.Arrays.fill(etaD, s.dischargeEfficiency());
        setHvac(s);
    }

    private void setHvac(Storage s) {
        for (int t = 0; t < etaC.length; t++) {
            hvacC[t] = s.physics() == null ? 0 : s.physics().hvacPerChargeKw(etaC[t]);
            hvacD[t] = s.physics() == null ? 0 : s.physics().hvacPerDischargeKw(etaD[t]);
        }
    }

    /** Whether a block of any product starts at period {@code t}. */
    private static boolean blockStarts(java.util.List<ReserveMarket> products, int t) {
        return products.stream().anyMatch(r -> t % r.blockPeriods() == 0);
    }

    /** The first period of {@code t}'s block. */
    private int blockStart(int t) {
        return t - t % block;
    }

    /** The stored energy the block of {@code t} starts from: the initial column, or the previous block's end. */
    private MPVariable blockStartEnergy(int t) {
        int first = blockStart(t);
        return first == 0 ? initial : e[first - 1];
    }

    /**
     * Sets {@code weight x} the stored energy at the end of {@code t} as its block's start and flow,
     * {@code e_prev + sum(eta_c h c_u - h / eta_d d_u)} for {@code u} from the block's start to {@code t}.
     */
    private void setFlow(MPConstraint row, int t, double weight, double h) {
        row.setCoefficient(blockStartEnergy(t), weight);
        for (int u = blockStart(t); u <= t; u++) {
            row.setCoefficient(c[u], weight * etaC[u] * h);
            row.setCoefficient(d[u], -weight * h / etaD[u]);
        }
        setOfferTerms(row, blockStart(t), t, weight, h, -1);
    }

    /**
     * Sets the offers' coefficients in a row holding {@code weight x} the flow of periods {@code from ..
     * to} (the expected activation energy leaves the store with the discharge) and, when {@code
     * covered >= 0}, the energy to deliver every offer of period {@code covered} (subtracted). One
     * offer may appear in both, and a coefficient is set, not added: each is summed first.
     */
    private void setOfferTerms(MPConstraint row, int from, int to, double weight, double h, int covered) {
        for (int k = 0; k < offers.length; k++) {
            ReserveMarket rm = p.reserves().get(k);
            double alpha = rm.activationShare();
            int cb = covered < 0 ? -1 : rm.blockOf(covered);
            int first = from <= to ? rm.blockOf(from) : cb;
            int last = from <= to ? rm.blockOf(to) : cb;
            if (alpha == 0 && cb < 0) {
                continue;
            }
            for (int b = Math.min(first, cb < 0 ? first : cb); b <= Math.max(last, cb); b++) {
                double coef = b == cb ? -rm.durationHours() / p.storage().dischargeEfficiency() : 0;
                for (int u = Math.max(from, b * rm.blockPeriods());
                        u <= Math.min(to, (b + 1) * rm.blockPeriods() - 1);
                        u++) {
                    coef -= weight * h * alpha / etaD[u];
                }
                row.setCoefficient(offers[k][b], coef);
            }
        }
    }

    /** Sets {@code weight x} the stored energy at the end of {@code t}: its column, or its flow. */
    private void setStored(MPConstraint row, int t, double weight, double h) {
        if (e[t] != null) {
            row.setCoefficient(e[t], weight);
        } else {
            setFlow(row, t, weight, h);
        }
    }

    /** Sets {@code weight x (import - net load)} of period {@code t}: charge with its HVAC, discharge less its HVAC, export. */
    private void setImport(MPConstraint row, int t, double weight) {
        if (c.length > 0) {
            row.setCoefficient(c[t], weight * (1 + hvacC[t]));
            row.setCoefficient(d[t], -weight * (1 - hvacD[t]));
        }
        if (ge[t] != null) {
            row.setCoefficient(ge[t], weight);
        }
    }

    /**
     * Sets a taper row of period {@code t}: {@code P_t - slope (e_{t-1} + e_t) / 2 <= intercept}, the
     * two stored energies written as the block's start and flows (they share the block's terms).
     */
    private void setTaper(MPConstraint row, MPVariable power, int t, TaperLines.Line line, double h) {
        double b = line.slopeKwPerKwh();
        row.setCoefficient(blockStartEnergy(t), -b);
        for (int u = blockStart(t); u <= t; u++) {
            double w = u < t ? -b : -b / 2; // e_{t-1} and e_t both hold u < t; only e_t holds t
            row.setCoefficient(c[u], w * etaC[u] * h + (c[u] == power ? 1 : 0));
            row.setCoefficient(d[u], -w * h / etaD[u] + (d[u] == power ? 1 : 0));
        }
        row.setBounds(-INF, line.interceptKw() / K);
    }

    /** Sets the taper rows of period {@code t}, where it has them. */
    private void setTapers(int t, double h) {
        for (int k = 0; chargeTaperRows[t] != null && k < chargeLines.length; k++) {
            setTaper(chargeTaperRows[t][k], c[t], t, chargeLines[k], h);
        }
        for (int k = 0; dischargeTaperRows[t] != null && k < dischargeLines.length; k++) {
            setTaper(dischargeTaperRows[t][k], d[t], t, dischargeLines[k], h);
        }
    }

    /** Frees every taper row (a model cannot delete one): no bounds. */
    private void dropTaperRows() {
        for (MPConstraint[][] rows : new MPConstraint[][][] {chargeTaperRows, dischargeTaperRows}) {
            for (int t = 0; t < n; t++) {
                if (rows[t] != null) {
                    for (MPConstraint r : rows[t]) {
                        r.setBounds(-INF, INF);
                    }
                    rows[t] = null;
                }
            }
        }
    }

    /**
     * Adds the taper rows of every period once the plan {@code s} breaks a taper line by more than
     * 0.1 % of the rating in any period, at the period's mean stored energy. Rows only where it broke
     * them would not do: the next plan moves the same energy to the period beside, and so on.
     *
     * @return the number of periods given rows
     */
    private int addBrokenTapers(DispatchSolution s) {
        Storage st = p.storage();
        if (st == null || chargeLines.length + dischargeLines.length == 0) {
            return 0;
        }
        boolean broken = false;
        for (int t = 0; t < n && !broken; t++) {
            double mean = ((t == 0 ? st.initialKwh() : s.storedKwh()[t - 1]) + s.storedKwh()[t]) / 2;
            broken = (chargeTaperRows[t] == null && breaks(chargeLines, s.chargeKw()[t], mean, st.chargeKw()))
                    || (dischargeTaperRows[t] == null
                            && breaks(dischargeLines, s.dischargeKw()[t], mean, st.dischargeKw()));
        }
        if (!broken) {
            return 0;
        }
        double h = p.periodHours();
        int added = 0;
        for (int t = 0; t < n; t++) {
            if (chargeTaperRows[t] == null) {
                chargeTaperRows[t] = new MPConstraint[chargeLines.length];
                for (int k = 0; k < chargeLines.length; k++) {
                    chargeTaperRows[t][k] = lp.makeConstraint(-INF, INF, "taper_charge_" + t + "_" + k);
                }
                added++;
            }
            if (dischargeTaperRows[t] == null) {
                dischargeTaperRows[t] = new MPConstraint[dischargeLines.length];
                for (int k = 0; k < dischargeLines.length; k++) {
                    dischargeTaperRows[t][k] = lp.makeConstraint(-INF, INF, "taper_discharge_" + t + "_" + k);
                }
            }
            setTapers(t, h);
        }
        return added;
    }

    private static boolean breaks(TaperLines.Line[] lines, double kw, double storedKwh, double ratingKw) {
        for (TaperLines.Line l : lines) {
            if (kw > l.interceptKw() + l.slopeKwPerKwh() * storedKwh + 1e-3 * ratingKw) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every coefficient that depends on the battery or the periods' efficiencies: the energy,
     * stored, rating, taper, reserve energy, import and demand rows. A resize or a new linearisation
     * calls it again; each coefficient is set, not added.
     */
    private void setCoefficients(DispatchProblem q) {
        double h = q.periodHours();
        Storage s = q.storage();
        if (s != null) {
            for (int t = 0; t < n; t++) {
                if (storedRows[t] != null) {
                    setFlow(storedRows[t], t, 1, h);
                }
                if (soc[t] != null) {
                    soc[t].setCoefficient(e[t], 1);
                    setFlow(soc[t], t, -1, h);
                }
                if (rating[t] != null) {
                    rating[t].setCoefficient(c[t], s.chargeKw() > 0 ? K / s.chargeKw() : 0);
                    rating[t].setCoefficient(d[t], s.dischargeKw() > 0 ? K / s.dischargeKw() : 0);
                }
            }
            TaperLines.Line[] charge = TaperLines.charge(s);
            TaperLines.Line[] discharge = TaperLines.discharge(s);
            if (charge.length != chargeLines.length || discharge.length != dischargeLines.length) {
                dropTaperRows(); // another battery with other lines: its rows come back where its plans need them
            }
            chargeLines = charge;
            dischargeLines = discharge;
            for (int t = 0; t < n; t++) {
                setTapers(t, h);
            }
            for (ReserveEnergy r : reserveEnergyRows) {
                setStored(r.row(), r.stored(), 1, h);
                if (e[r.stored()] != null) {
                    setOfferTerms(r.row(), 0, -1, 1, h, r.covered()); // a column: no flow of its own
                } else {
                    setOfferTerms(r.row(), blockStart(r.stored()), r.stored(), 1, h, r.covered());
                }
            }
            if (reserveStartRow != null) {
                for (int k = 0; k < offers.length; k++) {
                    reserveStartRow.setCoefficient(
                            offers[k][0], q.reserves().get(k).durationHours() / s.dischargeEfficiency());
                }
            }
        }
        for (int t = 0; t < n; t++) {
            if (importRows[t] != null) {
                setImport(importRows[t], t, 1);
            }
        }
        for (int t = 0; t < positionRows.length; t++) {
            // import - export: the export column cancels
            positionRows[t].setCoefficient(c[t], 1 + hvacC[t]);
            positionRows[t].setCoefficient(d[t], -(1 - hvacD[t]));
        }
        DemandCharge dc = q.demand();
        for (int k = 0; k < slotRows.length; k++) {
            int first = k * dc.periodsPerSlot();
            int last = Math.min(n, first + dc.periodsPerSlot());
            for (int t = first; t < last; t++) {
                setImport(slotRows[k], t, 1.0 / (last - first));
            }
        }
    }

    /**
     * Where the import's bounds could bind: the battery's discharge (or a negative net load) could
     * take it below zero, or charge and export above the import limit. Elsewhere they hold for any
     * dispatch and the row would only be work for the solver.
     */
    private static boolean importRowNeeded(DispatchProblem p, int t) {
        Storage s = p.storage();
        double net = p.netLoadKw()[t];
        double lowest = net - (s == null ? 0 : s.dischargeKw());
        double hvac = s == null || s.physics() == null
                ? 0
                : s.physics().hvacPerChargeKw(s.physics().dcChargeEfficiency());
        double highest = net + (s == null ? 0 : s.chargeKw() * (1 + hvac)) + p.exportLimitKw()[t];
        return lowest < 0 || highest > p.importLimitKw();
    }

    /** Where simultaneous charge and discharge could pay: energy free or paid for, or exports worth more. */
    private static boolean rateRowNeeded(DispatchProblem p, int t) {
        return p.importYenPerKwh()[t] <= 0
                || (p.exportLimitKw()[t] > 0 && p.exportYenPerKwh()[t] >= p.importYenPerKwh()[t]);
    }

    /**
     * Replaces the numbers of the model with those of {@code q}: loads, prices, limits, the battery
     * (as {@link #resize} does), months. The shape must match: periods, a battery or none, demand
     * (months, mode, slot size), reserve (blocks). Only a reusable model accepts prices that would
     * need a rating row.
     */
    public void update(DispatchProblem q) {
        if (q.periods() != n
                || (q.storage() == null) != (p.storage() == null)
                || (q.demand() == null) != (p.demand() == null)
                || (q.demand() != null
                        && (q.demand().months() != months
                                || q.demand().mode() != p.demand().mode()
                                || q.demand().periodsPerSlot() != p.demand().periodsPerSlot()))
                || !sameBlocks(q.reserves(), p.reserves())
                || (q.positionKw() != null && q.storage() != null && positionRows.length == 0)) {
            throw new IllegalArgumentException("update needs a problem of the same shape (a position only where the "
                    + "model was built with one): " + q);
        }
        if (!reusable) {
            for (int t = 0; t < n; t++) {
                if (q.storage() != null && rateRowNeeded(q, t) && !rateRowNeeded(p, t)) {
                    throw new IllegalArgumentException(
                            "period " + t + " now needs a rating row: build a reusable model");
                }
                if (q.exportLimitKw()[t] > 0 && ge[t] == null) {
                    throw new IllegalArgumentException("period " + t + " now allows exports: build a reusable model");
                }
                if (importRows[t] == null && importRowNeeded(q, t) && (q.storage() != null || ge[t] != null)) {
                    throw new IllegalArgumentException(
                            "period " + t + " now needs its import bounded: build a " + "reusable model");
                }
            }
        }
        Storage before = p.storage();
        p = q;
        if (q.storage() != null) {
            startFrom(before, q.storage());
        }
        setCoefficients(q);
        setData(q);
    }

    private static boolean sameBlocks(java.util.List<ReserveMarket> a, java.util.List<ReserveMarket> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            if (a.get(k).blockPeriods() != b.get(k).blockPeriods()
                    || (a.get(k).activationShare() == 0) != (b.get(k).activationShare() == 0)) {
                return false;
            }
        }
        return true;
    }

    /** A battery with physics after one with physics keeps the periods' efficiencies; else the rated ones. */
    private void startFrom(Storage before, Storage now) {
        if (now.physics() != null && before.physics() != null) {
            setHvac(now);
        } else {
            ratedEfficiencies(now);
        }
    }

    /**
     * Puts another battery into the model, in place: its power ratings, efficiencies, tapers,
     * energy window, starting and terminal energy and wear cost; everything else stays. A sizing
     * sweep re-solves one model per thread this way instead of building a model per size, and a
     * solver that keeps its basis (CLP) starts from the previous size's optimum. A battery with
     * physics after one with physics keeps the periods' efficiencies as its first linearisation:
     * the next size of a sweep runs much as the last did.
     *
     * @throws IllegalArgumentException when the model was built without a battery, or with
     *                                  {@code storage} null, or the new battery's tapers need
     *                                  other rows
     */
    public void resize(Storage storage) {
        if (storage == null || p.storage() == null) {
            throw new IllegalArgumentException("resize changes a battery: build the model with one and pass one");
        }
        DispatchProblem q = p.withStorage(storage);
        for (int t = 0; t < n; t++) {
            if (importRows[t] == null && importRowNeeded(q, t)) {
                throw new IllegalArgumentException(
                        "period " + t + " needs its import bounded at " + storage.dischargeKw()
                                + " kW of discharge: build the model at the largest power and resize down");
            }
        }
        Storage before = p.storage();
        p = q;
        startFrom(before, storage);
        setCoefficients(q);
        setData(q);
    }

    /**
     * Takes each period's efficiencies at the power {@code s} dispatched in it (periods it left idle
     * keep theirs), with the HVAC load of those losses; the next solve plans with them.
     *
     * @return how far the efficiencies moved, weighted by the energy through them: a few periods
     *         that flip between two powers matter as little as the energy they carry
     */
    double lineariseAt(DispatchSolution s) {
        Storage st = p.storage();
        if (st == null || st.physics() == null) {
            return 0;
        }
        double moved = 0;
        double energy = 0;
        double idle = 1e-3;
        for (int t = 0; t < n; t++) {
            double c = s.chargeKw()[t];
            double d = s.dischargeKw()[t];
            if (c > idle * st.chargeKw()) {
                double eta = st.chargeEfficiencyAt(c);
                moved += c * Math.abs(eta - etaC[t]);
                etaC[t] = eta;
            }
            if (d > idle * st.dischargeKw()) {
                double eta = st.dischargeEfficiencyAt(d);
                moved += d * Math.abs(eta - etaD[t]);
                etaD[t] = eta;
            }
            energy += c + d;
        }
        setHvac(st);
        setCoefficients(p);
        setData(p);
        return energy > 0 ? moved / energy : 0;
    }

    /**
     * Solves, then again with every period's efficiencies taken at the power of the previous solve
     * and taper rows added once its plan broke a taper, until the efficiencies move by less than
     * 0.1 % (weighted by the energy through them) and no taper is broken, or after {@code solves}
     * solves. A battery without physics is solved once.
     */
    public DispatchSolution solveAtOperatingPoint(int solves) {
        return solveAtOperatingPoint(solves, false);
    }

    /** As {@link #solveAtOperatingPoint(int)}, the first solve from the previous basis when {@code warm}. */
    public DispatchSolution solveAtOperatingPoint(int solves, boolean warm) {
        DispatchSolution s = warm ? solveFromPreviousBasis() : solve();
        for (int i = 1; i < solves; i++) {
            int tapers = addBrokenTapers(s);
            if (lineariseAt(s) < 1e-3 && tapers == 0) {
                break;
            }
            s = solveFromPreviousBasis();
        }
        return s;
    }

    /** Bounds, right-hand sides and objective from the problem's numbers. */
    private void setData(DispatchProblem q) {
        double h = q.periodHours();
        MPObjective obj = lp.objective();
        Storage s = q.storage();
        // The import, net + c (1 + hvac) - d (1 - hvac) + ge, costs its price; the net load's part is a
        // constant, not in the LP.
        importOutOfBounds = -1;
        for (int t = 0; t < n; t++) {
            double net = q.netLoadKw()[t] / K;
            if (s == null && ge[t] == null && !(net >= 0 && net <= q.importLimitKw() / K) && importOutOfBounds < 0) {
                importOutOfBounds = t;
            }
            double price = q.importYenPerKwh()[t] * h;
            if (ge[t] != null) {
                ge[t].setBounds(0, Math.min(q.exportLimitKw()[t], q.connectionExportKw()) / K);
                obj.setCoefficient(ge[t], price - q.exportYenPerKwh()[t] * h);
            }
            if (importRows[t] != null) {
                importRows[t].setBounds(-net, q.importLimitKw() / K - net);
            }
        }
        if (s != null) {
            for (int t = 0; t < n; t++) {
                double floor = Math.min(s.maxKwh(), s.floorKwh() + q.heldKwh(t));
                double lo = t == n - 1 ? Math.max(floor, s.terminalMinKwh()) : floor;
                double price = q.importYenPerKwh()[t] * h;
                if (e[t] != null) {
                    e[t].setBounds(lo / K, s.maxKwh() / K);
                } else {
                    storedRows[t].setBounds(lo / K, s.maxKwh() / K);
                }
                c[t].setBounds(0, s.chargeKw() / K);
                d[t].setBounds(0, s.dischargeKw() / K);
                obj.setCoefficient(c[t], price * (1 + hvacC[t]));
                obj.setCoefficient(d[t], s.degradationYenPerKwh() * h - price * (1 - hvacD[t]));
            }
            initial.setBounds(s.initialKwh() / K, s.initialKwh() / K);
            for (int t = 0; t < positionRows.length; t++) {
                double position = q.positionKw(t);
                double rhs = (position - q.netLoadKw()[t]) / K;
                if (Double.isNaN(position)) {
                    positionRows[t].setBounds(-INF, INF);
                } else {
                    positionRows[t].setBounds(rhs, rhs);
                }
            }
        }
        DemandCharge dc = q.demand();
        if (dc != null) {
            for (int k = 0; k < slotRows.length; k++) {
                int first = k * dc.periodsPerSlot();
                int last = Math.min(n, first + dc.periodsPerSlot());
                int m = dc.monthOfPeriod()[first];
                if (m != slotMonth[k]) {
                    slotRows[k].setCoefficient(peak[slotMonth[k]], 0);
                    slotRows[k].setCoefficient(peak[m], -1);
                    slotMonth[k] = m;
                }
                double meanNet = 0;
                for (int t = first; t < last; t++) {
                    meanNet += q.netLoadKw()[t] / K / (last - first);
                }
                slotRows[k].setBounds(-INF, -meanNet);
            }
            for (int m = 0; m < months; m++) {
                peak[m].setBounds(dc.peakFloorKw()[m] / K, INF);
            }
            if (dc.mode() == ContractMode.RATCHET) {
                for (int m = 0; m < months; m++) {
                    contract[m].setBounds(dc.ratchetFloorKw()[m] / K, INF);
                    obj.setCoefficient(contract[m], dc.basicYenPerKwMonth()[m]);
                }
            } else {
                double basic = 0;
                for (int m = 0; m < months; m++) {
                    excessRows[m].setBounds(-INF, dc.mode() == ContractMode.FIXED ? dc.contractKw() / K : 0);
                    excess[m].setBounds(0, dc.forbidExcess() ? 0 : INF);
                    obj.setCoefficient(excess[m], dc.excessYenPerKw()[m]);
                    basic += dc.basicYenPerKwMonth()[m];
                }
                if (contract.length == 1) {
                    obj.setCoefficient(contract[0], basic);
                }
            }
        }
        for (int k = 0; k < offers.length; k++) {
            // per kW offered: its price, and the expected activation energy at the upward price less wear
            ReserveMarket rm = q.reserves().get(k);
            for (int b = 0; b < offers[k].length; b++) {
                double yen = 0;
                for (int t = b * rm.blockPeriods(); t < Math.min(n, (b + 1) * rm.blockPeriods()); t++) {
                    yen += (rm.priceYenPerKwH()[t]
                                    + rm.activationShare() * (rm.activationYenPerKwh()[t] - s.degradationYenPerKwh()))
                            * h;
                }
                double sold = rm.blockSoldKw(b);
                if (Double.isNaN(sold)) {
                    offers[k][b].setBounds(0, rm.blockMaxKw(b) / K);
                } else {
                    offers[k][b].setBounds(sold / K, sold / K); // sold at gate closure: energy alone moves
                }
                obj.setCoefficient(offers[k][b], -yen);
            }
        }
        if (offers.length > 0) {
            reserveStartRow.setBounds(-INF, (s.initialKwh() - s.floorKwh()) / K);
            for (ReserveEnergy r : reserveEnergyRows) {
                r.row().setBounds((s.floorKwh() + q.heldKwh(r.stored())) / K, INF);
            }
            for (int t = 0; t < reservePowerRows.length; t++) {
                // activated, the offers add to the export: within the connection's limit beyond the load
                double cap = Math.min(s.dischargeKw(), q.connectionExportKw() + q.netLoadKw()[t]);
                reservePowerRows[t].setBounds(-INF, Math.max(0, cap) / K);
            }
        }
        obj.setMinimization();
    }

    /** The LP exactly as built, in free MPS (the objective in thousand yen). */
    public String mps() {
        return MpsWriter.write(lp.exportModelToProto(), "chikuden-dispatch");
    }

    public Solver solver() {
        return solver;
    }

    /** Solves to optimality. */
    public DispatchSolution solve() {
        long started = System.nanoTime();
        // A site without battery, export or demand charge leaves nothing to decide (and CLP fails on
        // an LP without columns): its objective is 0.
        return result(
                importOutOfBounds >= 0
                        ? MPSolver.ResultStatus.INFEASIBLE
                        : lp.numVariables() == 0 ? MPSolver.ResultStatus.OPTIMAL : lp.solve(),
                started);
    }

    /**
     * Solves to optimality from the basis of the previous solve, for a model whose bounds changed
     * since ({@link #resize}, {@link #update}): CLP keeps its basis and runs the dual simplex from
     * it without presolve (presolve would rebuild the problem and lose the basis), which after a
     * change of bounds alone is a few hundred iterations instead of tens of thousands. HiGHS and
     * GLOP (through OR-Tools) and CBC solve from scratch, as {@link #solve} does.
     */
    public DispatchSolution solveFromPreviousBasis() {
        if (solver != Solver.CLP) {
            return solve();
        }
        long started = System.nanoTime();
        MPSolverParameters warm = new MPSolverParameters();
        warm.setIntegerParam(
                MPSolverParameters.IntegerParam.PRESOLVE, MPSolverParameters.PresolveValues.PRESOLVE_OFF.swigValue());
        warm.setIntegerParam(
                MPSolverParameters.IntegerParam.LP_ALGORITHM, MPSolverParameters.LpAlgorithmValues.DUAL.swigValue());
        try {
            return result(lp.solve(warm), started);
        } finally {
            warm.delete();
        }
    }

    private DispatchSolution result(MPSolver.ResultStatus status, long started) {
        double solveSeconds = (System.nanoTime() - started) / 1e9;
        if (status == MPSolver.ResultStatus.INFEASIBLE) {
            DemandCharge dc = p.demand();
            // the likeliest cause first: a sweep prints a failure's first 300 characters
            String contract = dc != null && dc.forbidExcess() && dc.mode() == ContractMode.FIXED
                    ? "the battery cannot hold every month's 30-minute demand at the contract of "
                            + Math.round(dc.contractKw())
                            + " kW (grid.contract with exceedance: forbid; raise it, or set "
                            + "exceedance: penalty to pay for the excess), or "
                    : "";
            String window = p.storage() == null
                    ? "the load exceeds the import limit (no battery)"
                    : "the load exceeds the import limit, or the backup reserve, terminal SOC or initial SOC do not "
                            + "fit the battery's window (" + p.storage().window() + ")";
            throw new BadInputException(
                    "the dispatch LP has no feasible dispatch (" + solver.id() + "): " + contract + window);
        }
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            throw new IllegalStateException("the " + solver.id() + " solver ended " + status + " on " + p);
        }
        return solution(solveSeconds);
    }

    private DispatchSolution solution(double solveSeconds) {
        double h = p.periodHours();
        double[] ch = values(c);
        double[] dis = values(d);
        double[][] offerKw = new double[offers.length][n];
        double[] activatedKw = new double[offers.length == 0 ? 0 : n];
        for (int k = 0; k < offers.length; k++) {
            ReserveMarket rm = p.reserves().get(k);
            for (int t = 0; t < n; t++) {
                offerKw[k][t] = offers[k][rm.blockOf(t)].solutionValue() * K;
                activatedKw[t] += rm.activationShare() * offerKw[k][t];
            }
        }
        double[] stored = new double[e.length];
        if (e.length > 0) {
            // Within a block the stored energy is the row's activity: the block's start and its flow.
            double at = initial.solutionValue();
            for (int t = 0; t < n; t++) {
                double act = activatedKw.length == 0 ? 0 : activatedKw[t];
                at = e[t] != null ? e[t].solutionValue() : at + (ch[t] * etaC[t] - (dis[t] + act) / etaD[t]) * h / K;
                stored[t] = at * K;
            }
        }
        double[] exp = new double[n];
        double[] imp = new double[n];
        double[] aux = p.auxiliaryKw().clone();
        for (int t = 0; t < n; t++) {
            exp[t] = ge[t] == null ? 0 : ge[t].solutionValue() * K;
            imp[t] = p.netLoadKw()[t] + exp[t];
            if (c.length > 0) {
                imp[t] += ch[t] * (1 + hvacC[t]) - dis[t] * (1 - hvacD[t]);
                aux[t] += ch[t] * hvacC[t] + dis[t] * hvacD[t];
            }
        }
        double energy = 0;
        double exported = 0;
        double wear = 0;
        for (int t = 0; t < n; t++) {
            energy += imp[t] * p.importYenPerKwh()[t] * h;
            exported += exp[t] * p.exportYenPerKwh()[t] * h;
            if (p.storage() != null) {
                wear += (dis[t] + (activatedKw.length == 0 ? 0 : activatedKw[t]))
                        * p.storage().degradationYenPerKwh()
                        * h;
            }
        }
        double reserveYen = 0;
        for (int k = 0; k < offers.length; k++) {
            ReserveMarket rm = p.reserves().get(k);
            for (int t = 0; t < n; t++) {
                reserveYen += offerKw[k][t]
                        * (rm.priceYenPerKwH()[t] + rm.activationShare() * rm.activationYenPerKwh()[t])
                        * h;
            }
        }
        DemandCharge dc = p.demand();
        double[] monthPeak = new double[months];
        double[] monthContract = new double[months];
        double basic = 0;
        double excessYen = 0;
        if (dc != null) {
            for (int k = 0; k < slotRows.length; k++) {
                int first = k * dc.periodsPerSlot();
                int last = Math.min(n, first + dc.periodsPerSlot());
                double mean = 0;
                for (int t = first; t < last; t++) {
                    mean += imp[t] / (last - first);
                }
                monthPeak[slotMonth[k]] = Math.max(monthPeak[slotMonth[k]], mean);
            }
            for (int m = 0; m < months; m++) {
                monthPeak[m] = Math.max(monthPeak[m], dc.peakFloorKw()[m]);
                monthContract[m] = dc.mode() == ContractMode.FIXED
                        ? dc.contractKw()
                        : dc.mode() == ContractMode.OPTIMISED
                                ? contract[0].solutionValue() * K
                                : contract[m].solutionValue() * K;
                basic += monthContract[m] * dc.basicYenPerKwMonth()[m];
                if (dc.mode() != ContractMode.RATCHET) {
                    excessYen += Math.max(0, monthPeak[m] - monthContract[m]) * dc.excessYenPerKw()[m];
                }
            }
        }
        // What the LP leaves out as constants: the net load's energy, a fixed contract's basic charge.
        double constant = dc != null && dc.mode() == ContractMode.FIXED ? basic : 0;
        for (int t = 0; t < n; t++) {
            constant += p.netLoadKw()[t] * p.importYenPerKwh()[t] * h;
        }
        DispatchSolution.Costs costs = new DispatchSolution.Costs(energy, exported, basic, excessYen, wear, reserveYen);
        return new DispatchSolution(
                solver.id(),
                n,
                ch,
                dis,
                stored,
                imp,
                exp,
                aux,
                offerKw,
                monthPeak,
                monthContract,
                costs,
                lp.numVariables() == 0 ? 0 : lp.objective().value(),
                constant,
                buildSeconds,
                solveSeconds);
    }

    /** kW (or kWh) of each variable's value. */
    private static double[] values(MPVariable[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i].solutionValue() * K;
        }
        return out;
    }

    @Override
    public void close() {
        lp.delete();
    }
}
