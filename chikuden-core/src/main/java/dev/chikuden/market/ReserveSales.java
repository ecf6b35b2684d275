package dev.chikuden.market;

import java.time.YearMonth;
import java.util.List;

/**
 * What a controller sold in the balancing market over a simulation and what the battery delivered of
 * it. An offer sold is paid only where it was honoured: where the battery, as simulated, kept the
 * upward headroom and the stored energy every product sold needs for its duration. EPRX's penalties
 * for an offer not honoured are not modelled beyond forgoing its payment.
 *
 * @param products            per product offered, in the site file's order
 * @param activationBillYen   what the activation energy is worth on the site's bill (the TSO pays for
 *                            it in {@link Product#activationYen}, so it is taken out of the saving)
 * @param contractedKw        the capacity contract's kW (or the long-term auction's), NaN for none
 * @param tightWindowHours    hours of the capacity contract's duty windows in the simulation
 * @param tightWindowShortHours of those, hours the stored energy fell short of the duty
 * @param months              the same by calendar month, in order
 */
public record ReserveSales(
        List<Product> products,
        double activationBillYen,
        double contractedKw,
        double tightWindowHours,
        double tightWindowShortHours,
        List<Month> months) {
    public ReserveSales {
        products = List.copyOf(products);
        months = List.copyOf(months);
    }

    /**
     * One calendar month of the study.
     *
     * @param balancingYen      capacity and activation payments of every product
     * @param activationBillYen the activation energy's worth on the bill
     * @param studyShare        the month's share of the study's time, for payments per year
     */
    public record Month(YearMonth month, double balancingYen, double activationBillYen, double studyShare) {}

    /**
     * One product.
     *
     * @param soldKwH       ΔkW sold times hours
     * @param honouredKwH   of those, the ΔkW-hours the battery kept available
     * @param capacityYen   the honoured ΔkW-hours at their clearing prices
     * @param activationKwh the expected activation energy discharged
     * @param activationYen that energy at the registered upward price
     */
    public record Product(
            String name,
            double soldKwH,
            double honouredKwH,
            double capacityYen,
            double activationKwh,
            double activationYen) {
        public double revenueYen() {
            return capacityYen + activationYen;
        }
    }

    /** Capacity and activation revenue of every product. */
    public double balancingYen() {
        return products.stream().mapToDouble(Product::revenueYen).sum();
    }

    /** Honoured over sold ΔkW-hours, 1 when nothing was sold. */
    public double honouredShare() {
        double sold = products.stream().mapToDouble(Product::soldKwH).sum();
        return sold > 0 ? products.stream().mapToDouble(Product::honouredKwH).sum() / sold : 1;
    }
}
