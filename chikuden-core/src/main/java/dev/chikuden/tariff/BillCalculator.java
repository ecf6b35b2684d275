package dev.chikuden.tariff;

import dev.chikuden.market.PriceSeries;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bills 30-minute slot energy under a {@link Tariff}, one usage month (local calendar month) at a
 * time: basic charge (prorated by the part of the month covered) and excess-demand penalty,
 * energy charge by band, by tiers of the month's kWh or market-linked, fuel-cost and market-price
 * adjustments, fixed monthly amounts (prorated like the basic charge), renewable levy, subsidies,
 * export sale and consumption tax.
 */
public final class BillCalculator {
    private final Tariff tariff;
    private final TariffRates rates;

    /**
     * @param prices JEPX area prices for a market-linked menu, an export sale at market price and
     *               the market-price adjustment; null when none
     */
    public BillCalculator(Tariff tariff, ZoneId zone, PriceSeries prices) {
        this.tariff = tariff;
        this.rates = new TariffRates(tariff, zone, prices);
    }

    public Bill bill(SlotEnergy slots) {
        return bill(slots, Map.of());
    }

    /**
     * The bill, with the 30-minute peaks of months before the series ({@code priorPeaksKw}) for a
     * 12-month ratchet; a month not in it counts at the tariff's {@code previousPeakKw}.
     */
    public Bill bill(SlotEnergy slots, Map<YearMonth, Double> priorPeaksKw) {
        List<MonthlyBill> months = new ArrayList<>();
        Map<YearMonth, Double> peaks = new LinkedHashMap<>(priorPeaksKw);
        YearMonth first = null;
        double raisedKw = 0; // the contract an excess raised, until the month it lapses
        YearMonth lapses = null;
        SlotCalendar calendar = SlotCalendar.of(slots.firstSlotEpochMs(), slots.size(), rates.zone(), tariff);
        int i = 0;
        while (i < slots.size()) {
            YearMonth m = calendar.month(i);
            first = first == null ? m : first;
            int end = i;
            while (end < slots.size() && calendar.sameMonth(end, i)) {
                end++;
            }
            if (lapses != null && !m.isBefore(lapses)) {
                raisedKw = 0;
                lapses = null;
            }
            MonthlyBill b = month(m, first, slots, calendar, i, end, peaks, raisedKw);
            Tariff.ContractDemand c = tariff.contract();
            if (!c.ratchet() && c.excessRaisesContract() && b.maxDemandKw() > b.contractKw()) {
                // the demand that passed the contract becomes the contract of the following 12 months
                raisedKw = b.maxDemandKw();
                lapses = m.plusMonths(13);
            }
            months.add(b);
            i = end;
        }
        Map<String, Long> items = new LinkedHashMap<>();
        long total = 0;
        for (MonthlyBill b : months) {
            b.lineItemsYen().forEach((k, v) -> items.merge(k, v, Long::sum));
            total += b.totalYen();
        }
        List<String> warnings = new ArrayList<>();
        if (tariff.fuelCostAdjustment().isEmpty() && tariff.marketLinked() == null) {
            // a market-linked menu has none; any other Japanese menu has one every month
            warnings.add("no fuelCostAdjustment table: the fuel-cost adjustment line is left out, 0 yen");
        }
        warnings.addAll(rates.warnings());
        return new Bill(tariff.name(), List.copyOf(months), items, total, List.copyOf(warnings));
    }

    private MonthlyBill month(
            YearMonth m,
            YearMonth first,
            SlotEnergy s,
            SlotCalendar calendar,
            int from,
            int to,
            Map<YearMonth, Double> peaks,
            double raisedKw) {
        double importKwh = 0;
        double exportKwh = 0;
        double peakKw = 0;
        double coveredS = 0;
        // by band name, in the bands' order (two bands may share a name and a line)
        List<String> names =
                tariff.energyBands().stream().map(EnergyBand::name).distinct().toList();
        int[] nameOf = tariff.energyBands().stream()
                .mapToInt(b -> names.indexOf(b.name()))
                .toArray();
        double[] energyYen = new double[names.size()];
        double marketEnergyYen = 0;
        double exportYen = 0;
        for (int i = from; i < to; i++) {
            double kwh = s.importKwh()[i];
            importKwh += kwh;
            exportKwh += s.exportKwh()[i];
            coveredS += s.coveredSeconds()[i];
            peakKw = Math.max(peakKw, s.demandKw(i));
            long slotMs = s.firstSlotEpochMs() + i * PriceSeries.SLOT_MS;
            if (tariff.marketLinked() != null) {
                marketEnergyYen += kwh
                        * (rates.marketPrice(slotMs, "a market-linked menu")
                                + tariff.marketLinked().adderYenPerKwh());
            } else if (tariff.energyTiers() == null && kwh > 0) {
                int k = rates.bandIndex(calendar.summer(i), calendar.holiday(i), calendar.hour(i));
                energyYen[nameOf[k]] += kwh * tariff.energyBands().get(k).yenPerKwh();
            }
            if (tariff.exportSale() != null && s.exportKwh()[i] > 0) {
                exportYen += s.exportKwh()[i] * rates.exportYenPerKwh(slotMs);
            }
        }
        peaks.put(m, peakKw);
        double covered = coveredS / (m.lengthOfMonth() * 86_400.0);
        Tariff.ContractDemand c = tariff.contract();
        double agreedKw = Math.max(c.agreedKw(), raisedKw);
        double contractKw = c.ratchet() ? ratchet(m, first, peaks, c.previousPeakKw()) : agreedKw;
        double pfFactor = rates.powerFactorScale();
        Map<String, Long> items = new LinkedHashMap<>();
        double capacityYen = tariff.contractCapacity() == null
                ? 0
                : tariff.contractCapacity().yenPerMonth();
        items.put(
                "basicChargeYen",
                yen((contractKw * tariff.basicChargeYenPerKwMonth() * pfFactor + capacityYen) * covered));
        if (!c.ratchet() && !tariff.lowVoltage()) {
            double excessKw = Math.max(0, peakKw - agreedKw);
            items.put(
                    "excessDemandChargeYen",
                    yen(excessKw * tariff.basicChargeYenPerKwMonth() * c.excessMultiplier() * pfFactor));
        }
        if (tariff.marketLinked() != null) {
            items.put("energyChargeMarketYen", yen(marketEnergyYen));
        }
        if (tariff.energyTiers() != null) {
            // one line, as the minimum charge and the tiers are summed before the bill drops fractions of a yen
            items.put("energyChargeYen", yen(tariff.energyTiers().yen(importKwh, covered)));
        }
        for (int k = 0; k < names.size(); k++) {
            String band = names.get(k);
            items.put(
                    "energyCharge" + Character.toUpperCase(band.charAt(0)) + band.substring(1) + "Yen",
                    yen(energyYen[k]));
        }
        if (!tariff.fuelCostAdjustment().isEmpty()) {
            items.put("fuelCostAdjustmentYen", yen(importKwh * rates.fuelCostAdjustment(m)));
        }
        if (tariff.marketPriceAdjustment() != null) {
            items.put("marketPriceAdjustmentYen", yen(importKwh * rates.marketPriceAdjustment(m)));
        }
        tariff.monthlyYen().forEach((name, y) -> items.put(name + "Yen", yen(y * covered)));
        items.put("renewableLevyYen", yen(importKwh * rates.renewableLevy(m)));
        if (!tariff.subsidies().isEmpty()) {
            items.put("subsidyYen", yen(importKwh * rates.subsidy(m)));
        }
        if (!tariff.taxIncluded()) {
            long charges = items.values().stream().mapToLong(Long::longValue).sum();
            items.put("consumptionTaxYen", yen(charges * tariff.consumptionTax()));
        }
        if (tariff.exportSale() != null) {
            items.put("exportSaleYen", yen(-exportYen));
        }
        long total = items.values().stream().mapToLong(Long::longValue).sum();
        return new MonthlyBill(m, importKwh, exportKwh, peakKw, contractKw, covered, items, total);
    }

    /**
     * The largest demand of this month and the previous 11; a month before the series counts at
     * its prior peak when given, else at {@code previousPeakKw}.
     */
    private static double ratchet(YearMonth m, YearMonth first, Map<YearMonth, Double> peaks, double previousPeakKw) {
        double kw = 0;
        for (int back = 0; back < 12; back++) {
            YearMonth earlier = m.minusMonths(back);
            Double known = peaks.get(earlier);
            kw = Math.max(kw, known != null ? known : earlier.isBefore(first) ? previousPeakKw : 0);
        }
        return kw;
    }

    /** Whole yen, fractions dropped (toward zero); 1e-6 yen absorbs binary rounding of decimal rates. */
    private static long yen(double v) {
        return (long) (v >= 0 ? Math.floor(v + 1e-6) : Math.ceil(v - 1e-6));
    }
}
