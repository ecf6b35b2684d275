package dev.chikuden.scenario.plan;

import dev.chikuden.study.SiteBilling;
import dev.chikuden.tariff.MonthlyBill;
import java.util.ArrayList;
import java.util.List;

/**
 * One month of the 12-month ratchet (実量制): each case's 30-minute peak, the contract it sets (the
 * largest peak of the month and the 11 before), and what the battery saves on the basic charge. In
 * the first year the case with battery inherits the 11 months before from the case without; in the
 * later years ({@code steadyState}) they are its own.
 *
 * @param basicChargeSavingYen            basic charge without battery minus with, first year; the
 *                                        months sum exactly to the bill saving's basic-charge line
 * @param basicChargeSavingSteadyStateYen the same in the later years
 */
public record RatchetMonth(
        String month,
        double peakWithoutBatteryKw,
        double peakWithBatteryKw,
        double contractWithoutBatteryKw,
        double contractWithBatteryKw,
        double contractWithBatterySteadyStateKw,
        long basicChargeSavingYen,
        long basicChargeSavingSteadyStateYen) {
    static final String BASIC_CHARGE = "basicChargeYen";

    /** The months of a ratcheted study with a battery; null otherwise. */
    static List<RatchetMonth> of(SiteBilling.Bills bills) {
        if (bills.withBattery() == null || bills.withBattery().basis() != SiteBilling.ContractBasis.RATCHET) {
            return null;
        }
        List<MonthlyBill> without = bills.withoutBattery().bill().months();
        List<MonthlyBill> with = bills.withBattery().bill().months();
        List<MonthlyBill> steady = bills.withBatterySteadyState().bill().months();
        List<RatchetMonth> months = new ArrayList<>();
        for (int i = 0; i < without.size(); i++) {
            MonthlyBill a = without.get(i);
            MonthlyBill b = with.get(i);
            MonthlyBill s = steady.get(i);
            months.add(new RatchetMonth(
                    a.month().toString(),
                    a.maxDemandKw(),
                    b.maxDemandKw(),
                    a.contractKw(),
                    b.contractKw(),
                    s.contractKw(),
                    basic(a) - basic(b),
                    basic(a) - basic(s)));
        }
        return months;
    }

    private static long basic(MonthlyBill m) {
        return m.lineItemsYen().getOrDefault(BASIC_CHARGE, 0L);
    }
}
