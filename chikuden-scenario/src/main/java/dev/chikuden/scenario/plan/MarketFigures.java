package dev.chikuden.scenario.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.chikuden.market.ReserveSales;
import dev.chikuden.site.MarketsSpec;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the strategy earned beside the bill in the simulation: the balancing offers it sold at the
 * gates and what the battery delivered of them, and the capacity payment (or the long-term
 * auction's). The bill already holds the activation energy at the energy price; the TSO pays for
 * it at the registered price, so its worth on the bill is taken back out.
 *
 * @param balancing            per product
 * @param balancingYen         capacity (honoured ΔkW-hours at their prices) and activation payments
 * @param activationOnBillYen  the activation energy's worth on the bill, taken out (negative)
 * @param contractedKw         the capacity contract's (or long-term auction's) kW; null for none
 * @param fixedPaymentsYen     the capacity payment, or the long-term auction's payment less what it
 *                             returns of the energy and balancing revenue; 0 for none
 * @param tightWindowHours     hours of the capacity contract's assumed duty windows; null without one
 * @param tightWindowShortHours of those, hours the stored energy fell short of the duty
 * @param marketRevenueYen     the sum beside the bill saving: balancing, activation on the bill, fixed payments
 * @param longTermAuction      whether the fixed payments are a long-term auction's (less what it returns)
 * @param byMonth              the revenue stack month by month, each figure rounded to the yen
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarketFigures(
        List<Product> balancing,
        long balancingYen,
        long activationOnBillYen,
        Double contractedKw,
        long fixedPaymentsYen,
        Double tightWindowHours,
        Double tightWindowShortHours,
        long marketRevenueYen,
        boolean longTermAuction,
        List<Month> byMonth) {
    /**
     * One month of the revenue stack: the energy market (the bill saving: energy bought and sold),
     * the balancing market, the activation energy's worth on the bill taken back out, the fixed
     * payments pro rata; {@code totalYen} is their sum.
     */
    public record Month(
            String month,
            long billSavingYen,
            long balancingYen,
            long activationOnBillYen,
            long fixedPaymentsYen,
            long totalYen) {}

    /** One balancing product: ΔkW-hours sold and honoured, and what they earned. */
    public record Product(
            String product,
            double soldKwH,
            double honouredShare,
            long capacityYen,
            double activationKwh,
            long activationYen) {}

    /**
     * @param billSavingYen the bill saving, the energy revenue a long-term auction returns a share of
     * @param years         the study's length in years, for the payments per kW-year
     */
    static MarketFigures of(
            ReserveSales s,
            MarketsSpec markets,
            long billSavingYen,
            Map<YearMonth, Long> billSavingByMonth,
            double years) {
        List<Product> products = s.products().stream()
                .map(p -> new Product(
                        p.name(),
                        p.soldKwH(),
                        p.soldKwH() > 0 ? p.honouredKwH() / p.soldKwH() : 1,
                        Math.round(p.capacityYen()),
                        p.activationKwh(),
                        Math.round(p.activationYen())))
                .toList();
        long balancing = products.stream()
                .mapToLong(p -> p.capacityYen() + p.activationYen())
                .sum();
        long activationOnBill = -Math.round(s.activationBillYen());
        boolean contracted = !Double.isNaN(s.contractedKw());
        double energyAndReserve = billSavingYen + balancing + activationOnBill;
        long fixed = contracted
                ? Math.round(markets.withFixedPayments(energyAndReserve, s.contractedKw(), years) - energyAndReserve)
                : 0;
        boolean duty = markets.capacity() != null;
        List<Month> months = new ArrayList<>();
        for (ReserveSales.Month m : s.months()) {
            long bill = billSavingByMonth.getOrDefault(m.month(), 0L);
            long b = Math.round(m.balancingYen());
            long a = -Math.round(m.activationBillYen());
            long f = Math.round(fixed * m.studyShare());
            months.add(new Month(m.month().toString(), bill, b, a, f, bill + b + a + f));
        }
        return new MarketFigures(
                products,
                balancing,
                activationOnBill,
                contracted ? s.contractedKw() : null,
                fixed,
                duty ? s.tightWindowHours() : null,
                duty ? s.tightWindowShortHours() : null,
                balancing + activationOnBill + fixed,
                markets.longTerm() != null,
                months);
    }
}
