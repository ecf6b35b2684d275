package dev.chikuden.tariff;

import java.util.List;
import java.util.Map;

/**
 * The bills of every usage month a series touches, with the line items summed over them.
 *
 * @param warnings what the bill could not price from the tariff (e.g. a month missing from the
 *                 fuel-cost table), counted as 0
 */
public record Bill(
        String tariff,
        List<MonthlyBill> months,
        Map<String, Long> lineItemsYen,
        long totalYen,
        List<String> warnings) {}
