package dev.chikuden.tariff;

import java.time.YearMonth;
import java.util.Map;

/**
 * The bill of one usage month. Each line item is truncated to whole yen (Japanese bills drop
 * fractions of a yen), so the items sum exactly to the total.
 *
 * @param coveredFraction the part of the month the series covers; the basic charge is prorated by it
 * @param contractKw      the contract kW billed (agreed, or the 12-month ratchet)
 * @param lineItemsYen    in bill order, keys such as {@code basicChargeYen}
 */
public record MonthlyBill(
        YearMonth month,
        double importKwh,
        double exportKwh,
        double maxDemandKw,
        double contractKw,
        double coveredFraction,
        Map<String, Long> lineItemsYen,
        long totalYen) {}
