package dev.chikuden.optimize.mpc;

import dev.chikuden.battery.BatteryView;
import dev.chikuden.market.ReserveSales;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.DispatchProblem.ReserveMarket;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Books, step by step of the simulation, what the offers sold earn and whether the battery could
 * have delivered them: at each step's start the upward headroom it has (its largest discharge over
 * the step, less what it does beside the offers' expected activation, which they deliver) and the stored energy above its floor and the capacity contract's
 * held energy must cover every offer sold for its duration. The share of that cover is the share of
 * the step's offers honoured, and paid at the cleared price; the expected activation energy is paid
 * at the registered price. No allocation per step.
 */
final class ReserveLedger {
    /** A shortfall below this share of what is needed counts as rounding, not as a miss. */
    private static final double TOLERANCE = 1e-3;

    private final DispatchProblem truth;
    private final double[][] sold;
    private final double contractedKw;
    private final double[] soldKwH;
    private final double[] honouredKwH;
    private final double[] capacityYen;
    private final double[] activationKwh;
    private final double[] activationYen;
    private double activationBillYen;
    private final YearMonth[] months;
    /** Per period, its index in {@link #months}. */
    private final int[] monthOf;

    private final double[] monthBalancingYen;
    private final double[] monthActivationBillYen;
    private double windowHours;
    private double windowShortHours;
    // the state at the step's start, from control()
    private double headroomKw;
    private double coverKwh;
    private double storedAboveFloorKwh;

    /** @param sold per product and period, the offers sold (a live view: filled as gates close) */
    ReserveLedger(DispatchProblem truth, double[][] sold, double contractedKw, ZoneId zone) {
        this.truth = truth;
        this.sold = sold;
        this.contractedKw = contractedKw;
        int n = truth.periods();
        monthOf = new int[n];
        List<YearMonth> seen = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            YearMonth m = YearMonth.from(Instant.ofEpochMilli(truth.startEpochMs() + t * truth.periodMs())
                    .atZone(zone));
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(m)) {
                seen.add(m);
            }
            monthOf[t] = seen.size() - 1;
        }
        months = seen.toArray(new YearMonth[0]);
        monthBalancingYen = new double[months.length];
        monthActivationBillYen = new double[months.length];
        int k = truth.reserves().size();
        soldKwH = new double[k];
        honouredKwH = new double[k];
        capacityYen = new double[k];
        activationKwh = new double[k];
        activationYen = new double[k];
    }

    /** The expected activation power of the offers sold in {@code period}, kW. */
    double activationKw(int period) {
        double kw = 0;
        for (int k = 0; k < sold.length; k++) {
            kw += truth.reserves().get(k).activationShare() * soldAt(k, period);
        }
        return kw;
    }

    /** Notes the battery's state at the start of a step. */
    void before(BatteryView battery, double stepS) {
        headroomKw = battery.maxDischargeKw(stepS);
        storedAboveFloorKwh = battery.storedEnergyKwh() - battery.socMin() * battery.capacityKwh();
    }

    /**
     * Books a step of {@code stepS} in {@code period}, the battery at {@code batteryKw} and the site
     * drawing {@code gridKw} from the grid (negative: exporting).
     */
    void after(int period, double batteryKw, double gridKw, double stepS) {
        double h = stepS / 3600;
        double eta = truth.storage().dischargeEfficiency();
        double offered = 0;
        double needKwh = 0;
        for (int k = 0; k < sold.length; k++) {
            double kw = soldAt(k, period);
            offered += kw;
            needKwh += kw * truth.reserves().get(k).durationHours() / eta;
        }
        double held = truth.heldKwh(Math.max(0, period - 1)); // the LP holds it from the previous period's end
        if (held > 0) {
            windowHours += h;
            if (storedAboveFloorKwh < held * (1 - TOLERANCE)) {
                windowShortHours += h;
            }
        }
        if (offered <= 0) {
            return;
        }
        // the activation the battery is delivering is the offers' own power, not beside them
        double headroom = (headroomKw - (batteryKw - activationKw(period))) / offered;
        double energy = needKwh > 0 ? (storedAboveFloorKwh - held) / needKwh : 1;
        double share = Math.max(0, Math.min(1, Math.min(headroom, energy)));
        if (share > 1 - TOLERANCE) {
            share = 1;
        }
        double price = gridKw > 0 ? truth.importYenPerKwh()[period] : truth.exportYenPerKwh()[period];
        for (int k = 0; k < sold.length; k++) {
            ReserveMarket r = truth.reserves().get(k);
            double kwH = soldAt(k, period) * h;
            soldKwH[k] += kwH;
            honouredKwH[k] += kwH * share;
            double capacity = kwH * share * r.priceYenPerKwH()[period];
            double activated = r.activationShare() * kwH;
            capacityYen[k] += capacity;
            activationKwh[k] += activated;
            activationYen[k] += activated * r.activationYenPerKwh()[period];
            activationBillYen += activated * price;
            monthBalancingYen[monthOf[period]] += capacity + activated * r.activationYenPerKwh()[period];
            monthActivationBillYen[monthOf[period]] += activated * price;
        }
    }

    private double soldAt(int k, int period) {
        double kw = sold[k][period];
        return Double.isNaN(kw) ? 0 : kw;
    }

    /** The sales so far, one line per product (a product under two delivery periods' rules is one). */
    ReserveSales sales() {
        Map<String, ReserveSales.Product> products = new LinkedHashMap<>();
        for (int k = 0; k < sold.length; k++) {
            ReserveSales.Product p = new ReserveSales.Product(
                    truth.reserves().get(k).product(),
                    soldKwH[k],
                    honouredKwH[k],
                    capacityYen[k],
                    activationKwh[k],
                    activationYen[k]);
            products.merge(
                    p.name(),
                    p,
                    (a, b) -> new ReserveSales.Product(
                            a.name(),
                            a.soldKwH() + b.soldKwH(),
                            a.honouredKwH() + b.honouredKwH(),
                            a.capacityYen() + b.capacityYen(),
                            a.activationKwh() + b.activationKwh(),
                            a.activationYen() + b.activationYen()));
        }
        int[] periods = new int[months.length];
        for (int m : monthOf) {
            periods[m]++;
        }
        List<ReserveSales.Month> byMonth = new ArrayList<>();
        for (int m = 0; m < months.length; m++) {
            byMonth.add(new ReserveSales.Month(
                    months[m], monthBalancingYen[m], monthActivationBillYen[m], periods[m] / (double) monthOf.length));
        }
        return new ReserveSales(
                List.copyOf(products.values()),
                activationBillYen,
                contractedKw,
                windowHours,
                windowShortHours,
                byMonth);
    }
}
