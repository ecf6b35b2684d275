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
    /** The stored energy at the start, fixed; null without a battery. */
    private final MPVariable initial;
    private final int block;
    private final MPVariable[] peak;
    private final MPVariable[] excess;
    /** OPTIMISED: one; RATCHET: one per month; FIXED: none. */
    private final MPVariable[] contract;
    private final MPConstraint[] slotRows;
    private final int[] slotMonth;
    private final MPConstraint[] excessRows;
    private final MPVariable[] reserve;
    private final MPConstraint reserveStartRow;
    /** Rows {@code d - c + r <= Pd}, one a period when a reserve is sold. */
    private final MPConstraint[] reservePowerRows;
    /** Rows {@code e - r x duration / efficiency >= floor}. */
    private final java.util.List<MPConstraint> reserveEnergyRows = new java.util.ArrayList<>();

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
        double h = problem.periodHours();
        Storage s = problem.storage();
        if (s != null) {
            c = new MPVariable[n];
            d = new MPVariable[n];
            e = new MPVariable[n];
            storedRows = new MPConstraint[n];
            soc = new MPConstraint[n];
            rating = new MPConstraint[n];
            initial = lp.makeNumVar(0, INF, "stored_initial");
            for (int t = 0; t < n; t++) {
                c[t] = lp.makeNumVar(0, s.chargeKw() / K, "charge_" + t);
                d[t] = lp.makeNumVar(0, s.dischargeKw() / K, "discharge_" + t);
                if (reusable || rateRowNeeded(problem, t)) {
                    rating[t] = lp.makeConstraint(-INF, 1, "rating_" + t);
                    rating[t].setCoefficient(c[t], s.chargeKw() > 0 ? K / s.chargeKw() : 0);
                    rating[t].setCoefficient(d[t], s.dischargeKw() > 0 ? K / s.dischargeKw() : 0);
                }
            }
            for (int first = 0; first < n; first += block) {
                int last = Math.min(n, first + block) - 1;
                for (int t = first; t < last; t++) {
                    storedRows[t] = lp.makeConstraint(0, INF, "stored_" + t);
                    addFlow(storedRows[t], t, 1, s, h);
                }
                e[last] = lp.makeNumVar(0, INF, "stored_" + last);
                soc[last] = lp.makeConstraint(0, 0, "energy_" + last);
                soc[last].setCoefficient(e[last], 1);
                addFlow(soc[last], last, -1, s, h);
            }
        } else {
            c = d = e = new MPVariable[0];
            storedRows = soc = rating = new MPConstraint[0];
            initial = null;
        }
        ge = new MPVariable[n];
        importRows = new MPConstraint[n];
        // Without battery or demand charge keep every import row: CLP fails on an LP without rows.
        boolean allImportRows = reusable || s == null && problem.demand() == null;
        for (int t = 0; t < n; t++) {
            if (reusable || problem.exportLimitKw()[t] > 0) {
                ge[t] = lp.makeNumVar(0, problem.exportLimitKw()[t] / K, "export_" + t);
            }
            // Without battery or export the import is the net load: setData checks its bounds itself.
            if ((allImportRows || importRowNeeded(problem, t)) && (s != null || ge[t] != null)) {
                importRows[t] = lp.makeConstraint(-INF, INF, "import_" + t);
                addImport(importRows[t], t, 1);
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
                int last = Math.min(n, first + dc.periodsPerSlot());
                slotRows[k] = lp.makeConstraint(-INF, 0, "demand_" + k);
                for (int t = first; t < last; t++) {
                    addImport(slotRows[k], t, 1.0 / (last - first));
                }
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
                contract = dc.mode() == ContractMode.OPTIMISED ? new MPVariable[] {lp.makeNumVar(0, INF, "contract")}
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
        ReserveMarket rm = problem.reserve();
        if (rm != null && s != null) {
            int blocks = (n + rm.blockPeriods() - 1) / rm.blockPeriods();
            reserve = new MPVariable[blocks];
            reservePowerRows = new MPConstraint[n];
            double energyPerKw = rm.durationHours() / s.dischargeEfficiency();
            MPConstraint start = null;
            for (int b = 0; b < blocks; b++) {
                reserve[b] = lp.makeNumVar(0, INF, "reserve_" + b);
                int first = b * rm.blockPeriods();
                for (int t = first; t < Math.min(n, first + rm.blockPeriods()); t++) {
                    MPConstraint head = lp.makeConstraint(-INF, s.dischargeKw() / K, "reserve_power_" + t);
                    head.setCoefficient(d[t], 1);
                    head.setCoefficient(c[t], -1);
                    head.setCoefficient(reserve[b], 1);
                    reservePowerRows[t] = head;
                    MPConstraint held = lp.makeConstraint(0, INF, "reserve_energy_" + t);
                    addStored(held, t, 1, s, h);
                    held.setCoefficient(reserve[b], -energyPerKw);
                    reserveEnergyRows.add(held);
                    if (t == first) {
                        if (t == 0) {
                            start = lp.makeConstraint(-INF, 0, "reserve_energy_start");
                            start.setCoefficient(reserve[b], energyPerKw);
                        } else {
                            MPConstraint before = lp.makeConstraint(0, INF, "reserve_energy_before_" + t);
                            addStored(before, t - 1, 1, s, h);
                            before.setCoefficient(reserve[b], -energyPerKw);
                            reserveEnergyRows.add(before);
                        }
                    }
                }
            }
            reserveStartRow = start;
        } else {
            reserve = new MPVariable[0];
            reservePowerRows = new MPConstraint[0];
            reserveStartRow = null;
        }
        setData(problem);
        buildSeconds = (System.nanoTime() - started) / 1e9;
    }

    /** The first period of {@code t}'s block. */
    private int blockStart(int t) {
        return t - t % block;
    }

    /**
     * Adds {@code weight x} the stored energy at the end of {@code t} as its block's start and flow:
     * {@code e_prev + sum(eta_c h c_u - h / eta_d d_u)} for {@code u} from the block's start to {@code t}.
     */
    private void addFlow(MPConstraint row, int t, double weight, Storage s, double h) {
        int first = blockStart(t);
        row.setCoefficient(first == 0 ? initial : e[first - 1], weight);
        for (int u = first; u <= t; u++) {
            row.setCoefficient(c[u], weight * s.chargeEfficiency() * h);
            row.setCoefficient(d[u], -weight * h / s.dischargeEfficiency());
        }
    }

    /** Adds {@code weight x} the stored energy at the end of {@code t}: its column, or its flow. */
    private void addStored(MPConstraint row, int t, double weight, Storage s, double h) {
        if (e[t] != null) {
            row.setCoefficient(e[t], weight);
        } else {
            addFlow(row, t, weight, s, h);
        }
    }

    /** Adds {@code weight x (c - d + ge)} of period {@code t}: the import less the net load. */
    private void addImport(MPConstraint row, int t, double weight) {
        if (c.length > 0) {
            row.setCoefficient(c[t], weight);
            row.setCoefficient(d[t], -weight);
        }
        if (ge[t] != null) {
            row.setCoefficient(ge[t], weight);
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
        double highest = net + (s == null ? 0 : s.chargeKw()) + p.exportLimitKw()[t];
        return lowest < 0 || highest > p.importLimitKw();
    }

    /** Where simultaneous charge and discharge could pay: energy free or paid for, or exports worth more. */
    private static boolean rateRowNeeded(DispatchProblem p, int t) {
        return p.importYenPerKwh()[t] <= 0 || p.exportLimitKw()[t] > 0 && p.exportYenPerKwh()[t] >= p.importYenPerKwh()[t];
    }

    /**
     * Replaces the numbers of the model with those of {@code q}: loads, prices, limits, starting
     * energy, months. The shape must match: periods, storage, demand (months, mode, slot size),
     * reserve (blocks). Only a reusable model accepts prices that would need a rating row.
     */
    public void update(DispatchProblem q) {
        if (q.periods() != n || (q.storage() == null) != (p.storage() == null)
                || (q.demand() == null) != (p.demand() == null)
                || q.demand() != null && (q.demand().months() != months || q.demand().mode() != p.demand().mode()
                || q.demand().periodsPerSlot() != p.demand().periodsPerSlot())
                || (q.reserve() == null) != (p.reserve() == null)
                || q.reserve() != null && q.reserve().blockPeriods() != p.reserve().blockPeriods()) {
            throw new IllegalArgumentException("update needs a problem of the same shape: " + q);
        }
        if (!reusable) {
            for (int t = 0; t < n; t++) {
                if (q.storage() != null && rateRowNeeded(q, t) && !rateRowNeeded(p, t)) {
                    throw new IllegalArgumentException("period " + t + " now needs a rating row: build a reusable model");
                }
                if (q.exportLimitKw()[t] > 0 && ge[t] == null) {
                    throw new IllegalArgumentException("period " + t + " now allows exports: build a reusable model");
                }
                if (importRows[t] == null && importRowNeeded(q, t) && (q.storage() != null || ge[t] != null)) {
                    throw new IllegalArgumentException("period " + t + " now needs its import bounded: build a "
                            + "reusable model");
                }
            }
        }
        if (q.storage() != null && (q.storage().chargeKw() != p.storage().chargeKw()
                || q.storage().dischargeKw() != p.storage().dischargeKw()
                || q.storage().chargeEfficiency() != p.storage().chargeEfficiency()
                || q.storage().dischargeEfficiency() != p.storage().dischargeEfficiency())) {
            throw new IllegalArgumentException("update cannot change the battery's ratings or efficiencies");
        }
        p = q;
        setData(q);
    }

    /**
     * Puts another battery into the model, in place: its power ratings, energy
     * window, starting and terminal energy and wear cost; everything else stays. A sizing sweep
     * re-solves one model per thread this way instead of building a model per size, and a solver
     * that keeps its basis (CLP) starts from the previous size's optimum.
     *
     * @throws IllegalArgumentException when the model was built without a battery, or with
     *                                  {@code storage} null
     */
    public void resize(Storage storage) {
        if (storage == null || p.storage() == null) {
            throw new IllegalArgumentException("resize changes a battery: build the model with one and pass one");
        }
        Storage old = p.storage();
        if (storage.chargeEfficiency() != old.chargeEfficiency() || storage.dischargeEfficiency() != old.dischargeEfficiency()) {
            throw new IllegalArgumentException("resize keeps the efficiencies (they sit in every energy row): build a new model");
        }
        DispatchProblem q = p.withStorage(storage);
        for (int t = 0; t < n; t++) {
            if (importRows[t] == null && importRowNeeded(q, t)) {
                throw new IllegalArgumentException("period " + t + " needs its import bounded at " + storage.dischargeKw()
                        + " kW of discharge: build the model at the largest power and resize down");
            }
        }
        if (storage.chargeKw() != old.chargeKw() || storage.dischargeKw() != old.dischargeKw()) {
            for (int t = 0; t < n; t++) {
                c[t].setBounds(0, storage.chargeKw() / K);
                d[t].setBounds(0, storage.dischargeKw() / K);
                if (rating[t] != null) {
                    rating[t].setCoefficient(c[t], storage.chargeKw() > 0 ? K / storage.chargeKw() : 0);
                    rating[t].setCoefficient(d[t], storage.dischargeKw() > 0 ? K / storage.dischargeKw() : 0);
                }
            }
        }
        if (reserve.length > 0) {
            for (MPConstraint head : reservePowerRows) {
                head.setBounds(-INF, storage.dischargeKw() / K);
            }
        }
        p = q;
        setData(p);
    }

    /** Bounds, right-hand sides and objective from the problem's numbers. */
    private void setData(DispatchProblem q) {
        double h = q.periodHours();
        MPObjective obj = lp.objective();
        Storage s = q.storage();
        // The import, net + c - d + ge, costs its price; the net load's part is a constant, not in the LP.
        importOutOfBounds = -1;
        for (int t = 0; t < n; t++) {
            double net = q.netLoadKw()[t] / K;
            if (s == null && ge[t] == null && !(net >= 0 && net <= q.importLimitKw() / K) && importOutOfBounds < 0) {
                importOutOfBounds = t;
            }
            double price = q.importYenPerKwh()[t] * h;
            if (ge[t] != null) {
                ge[t].setBounds(0, q.exportLimitKw()[t] / K);
                obj.setCoefficient(ge[t], price - q.exportYenPerKwh()[t] * h);
            }
            if (importRows[t] != null) {
                importRows[t].setBounds(-net, q.importLimitKw() / K - net);
            }
        }
        if (s != null) {
            for (int t = 0; t < n; t++) {
                double lo = t == n - 1 ? Math.max(s.floorKwh(), s.terminalMinKwh()) : s.floorKwh();
                double price = q.importYenPerKwh()[t] * h;
                if (e[t] != null) {
                    e[t].setBounds(lo / K, s.maxKwh() / K);
                } else {
                    storedRows[t].setBounds(lo / K, s.maxKwh() / K);
                }
                obj.setCoefficient(c[t], price);
                obj.setCoefficient(d[t], s.degradationYenPerKwh() * h - price);
            }
            initial.setBounds(s.initialKwh() / K, s.initialKwh() / K);
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
                    contract[m].setBounds(dc.contractKw() / K, INF);
                    obj.setCoefficient(contract[m], dc.basicYenPerKwMonth()[m]);
                }
            } else {
                double basic = 0;
                for (int m = 0; m < months; m++) {
                    excessRows[m].setBounds(-INF, dc.mode() == ContractMode.FIXED ? dc.contractKw() / K : 0);
                    obj.setCoefficient(excess[m], dc.excessYenPerKw()[m]);
                    basic += dc.basicYenPerKwMonth()[m];
                }
                if (contract.length == 1) {
                    obj.setCoefficient(contract[0], basic);
                }
            }
        }
        ReserveMarket rm = q.reserve();
        if (reserve.length > 0) {
            for (int b = 0; b < reserve.length; b++) {
                double price = 0;
                for (int t = b * rm.blockPeriods(); t < Math.min(n, (b + 1) * rm.blockPeriods()); t++) {
                    price += rm.priceYenPerKwH()[t] * h;
                }
                reserve[b].setBounds(0, rm.maxKw() / K);
                obj.setCoefficient(reserve[b], -price);
            }
            reserveStartRow.setBounds(-INF, (s.initialKwh() - s.floorKwh()) / K);
            for (MPConstraint row : reserveEnergyRows) {
                row.setBounds(s.floorKwh() / K, INF);
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
        return result(importOutOfBounds >= 0 ? MPSolver.ResultStatus.INFEASIBLE
                : lp.numVariables() == 0 ? MPSolver.ResultStatus.OPTIMAL : lp.solve(), started);
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
        warm.setIntegerParam(MPSolverParameters.IntegerParam.PRESOLVE,
                MPSolverParameters.PresolveValues.PRESOLVE_OFF.swigValue());
        warm.setIntegerParam(MPSolverParameters.IntegerParam.LP_ALGORITHM,
                MPSolverParameters.LpAlgorithmValues.DUAL.swigValue());
        try {
            return result(lp.solve(warm), started);
        } finally {
            warm.delete();
        }
    }

    private DispatchSolution result(MPSolver.ResultStatus status, long started) {
        double solveSeconds = (System.nanoTime() - started) / 1e9;
        if (status == MPSolver.ResultStatus.INFEASIBLE) {
            throw new BadInputException("the dispatch LP has no feasible dispatch (" + solver.id() + "): the load "
                    + "exceeds the import limit, or the backup reserve, terminal SOC or initial SOC do not fit "
                    + "the battery's window (" + p.storage() + ")");
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
        double[] stored = new double[e.length];
        if (e.length > 0) {
            // Within a block the stored energy is the row's activity: the block's start and its flow.
            Storage s = p.storage();
            double at = initial.solutionValue();
            for (int t = 0; t < n; t++) {
                at = e[t] != null ? e[t].solutionValue()
                        : at + (ch[t] * s.chargeEfficiency() - dis[t] / s.dischargeEfficiency()) * h / K;
                stored[t] = at * K;
            }
        }
        double[] exp = new double[n];
        double[] imp = new double[n];
        for (int t = 0; t < n; t++) {
            exp[t] = ge[t] == null ? 0 : ge[t].solutionValue() * K;
            imp[t] = p.netLoadKw()[t] + exp[t] + (c.length > 0 ? ch[t] - dis[t] : 0);
        }
        double energy = 0;
        double exported = 0;
        double wear = 0;
        for (int t = 0; t < n; t++) {
            energy += imp[t] * p.importYenPerKwh()[t] * h;
            exported += exp[t] * p.exportYenPerKwh()[t] * h;
            if (p.storage() != null) {
                wear += dis[t] * p.storage().degradationYenPerKwh() * h;
            }
        }
        double[] reserveKw = new double[reserve.length == 0 ? 0 : n];
        double reserveYen = 0;
        for (int t = 0; t < reserveKw.length; t++) {
            reserveKw[t] = reserve[t / p.reserve().blockPeriods()].solutionValue() * K;
            reserveYen += reserveKw[t] * p.reserve().priceYenPerKwH()[t] * h;
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
                monthContract[m] = dc.mode() == ContractMode.FIXED ? dc.contractKw()
                        : dc.mode() == ContractMode.OPTIMISED ? contract[0].solutionValue() * K
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
        return new DispatchSolution(solver.id(), n, ch, dis, stored, imp, exp, reserveKw, monthPeak, monthContract,
                costs, lp.numVariables() == 0 ? 0 : lp.objective().value(), constant, buildSeconds, solveSeconds);
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
