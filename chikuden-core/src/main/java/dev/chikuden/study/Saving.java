package dev.chikuden.study;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the battery saves, explained: the bill saving (bill without battery minus bill with) split
 * by bill line, and the net saving (bill saving + market revenue - battery wear) split by item.
 * Every part is whole yen, so each split sums exactly to its total.
 *
 * @param billSavingByLine  line item (e.g. {@code basicChargeYen}) to its saving
 * @param netSavingByItem   {@code billSavingYen}, {@code marketRevenueYen}, {@code batteryWearYen} (negative)
 * @param wearBasis         where the wear's price comes from
 */
public record Saving(
        long billSavingYen,
        Map<String, Long> billSavingByLine,
        long marketRevenueYen,
        long batteryWearYen,
        long netSavingYen,
        Map<String, Long> netSavingByItem,
        String wearBasis) {

    /** The saving of {@code bills} (with a battery), its market revenue and its wear. */
    public static Saving of(SiteBilling.Bills bills, long marketRevenueYen, double dischargedKwh, WearPrice wear) {
        long bill = bills.savingYen();
        long wearYen = wear.yen(dischargedKwh);
        Map<String, Long> items = new LinkedHashMap<>();
        items.put("billSavingYen", bill);
        items.put("marketRevenueYen", marketRevenueYen);
        items.put("batteryWearYen", -wearYen);
        return new Saving(
                bill,
                bills.savingByLine(),
                marketRevenueYen,
                wearYen,
                bill + marketRevenueYen - wearYen,
                items,
                wear.basis());
    }
}
