package dev.chikuden.tariff;

import dev.chikuden.market.PriceSeries;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bills 30-minute slot energy under a {@link Tariff}, one usage month (local calendar month) at a
 * time: basic charge (prorated by the part of the month covered) and excess-demand penalty,
 * energy charge by band or market-linked, fuel-cost and market-price adjustments, renewable
 * levy, subsidies, export sale and consumption tax.
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
        List<MonthlyBill> months = new ArrayList<>();
        Map<YearMonth, Double> peaks = new LinkedHashMap<>();
        int i = 0;
        while (i < slots.size()) {
            YearMonth m = YearMonth.from(local(slots.firstSlotEpochMs(), i));
            int end = i;
            while (end < slots.size() && YearMonth.from(local(slots.firstSlotEpochMs(), end)).equals(m)) {
                end++;
            }
            months.add(month(m, slots, i, end, peaks));
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

    private MonthlyBill month(YearMonth m, SlotEnergy s, int from, int to, Map<YearMonth, Double> peaks) {
        double importKwh = 0;
        double exportKwh = 0;
        double peakKw = 0;
        double coveredS = 0;
        Map<String, Double> energy = new LinkedHashMap<>();
        for (EnergyBand b : tariff.energyBands()) {
            energy.put(b.name(), 0.0);
        }
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
                marketEnergyYen += kwh * (rates.marketPrice(slotMs, "a market-linked menu") + tariff.marketLinked().adderYenPerKwh());
            } else if (kwh > 0) {
                EnergyBand b = rates.band(local(s.firstSlotEpochMs(), i));
                energy.merge(b.name(), kwh * b.yenPerKwh(), Double::sum);
            }
            if (tariff.exportSale() != null && s.exportKwh()[i] > 0) {
                exportYen += s.exportKwh()[i] * rates.exportYenPerKwh(slotMs);
            }
        }
        peaks.put(m, peakKw);
        double covered = coveredS / (m.lengthOfMonth() * 86_400.0);
        Tariff.ContractDemand c = tariff.contract();
        double contractKw = c.ratchet() ? ratchet(m, peaks, c.previousPeakKw()) : c.agreedKw();
        double pfFactor = rates.powerFactorScale();
        Map<String, Long> items = new LinkedHashMap<>();
        items.put("basicChargeYen", yen(contractKw * tariff.basicChargeYenPerKwMonth() * pfFactor * covered));
        if (!c.ratchet()) {
            double excessKw = Math.max(0, peakKw - c.agreedKw());
            items.put("excessDemandChargeYen",
                    yen(excessKw * tariff.basicChargeYenPerKwMonth() * c.excessMultiplier() * pfFactor));
        }
        if (tariff.marketLinked() != null) {
            items.put("energyChargeMarketYen", yen(marketEnergyYen));
        }
        energy.forEach((band, y) -> items.put("energyCharge" + Character.toUpperCase(band.charAt(0)) + band.substring(1)
                + "Yen", yen(y)));
        if (!tariff.fuelCostAdjustment().isEmpty()) {
            items.put("fuelCostAdjustmentYen", yen(importKwh * rates.fuelCostAdjustment(m)));
        }
        if (tariff.marketPriceAdjustment() != null) {
            items.put("marketPriceAdjustmentYen", yen(importKwh * rates.marketPriceAdjustment(m)));
        }
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

    /** The largest demand of this month and the previous 11 (and of the history before the series). */
    private static double ratchet(YearMonth m, Map<YearMonth, Double> peaks, double previousPeakKw) {
        double kw = 0;
        YearMonth first = peaks.keySet().iterator().next();
        for (int back = 0; back < 12; back++) {
            YearMonth earlier = m.minusMonths(back);
            kw = Math.max(kw, peaks.getOrDefault(earlier, 0.0));
            if (earlier.isBefore(first)) {
                kw = Math.max(kw, previousPeakKw);
            }
        }
        return kw;
    }

    private LocalDateTime local(long firstSlotMs, int i) {
        return rates.local(firstSlotMs + i * PriceSeries.SLOT_MS);
    }

    /** Whole yen, fractions dropped (toward zero); 1e-6 yen absorbs binary rounding of decimal rates. */
    private static long yen(double v) {
        return (long) (v >= 0 ? Math.floor(v + 1e-6) : Math.ceil(v - 1e-6));
    }
}
