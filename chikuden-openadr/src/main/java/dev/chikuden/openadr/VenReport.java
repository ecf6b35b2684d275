package dev.chikuden.openadr;

import dev.chikuden.BadInputException;
import java.util.List;

/**
 * A report for one event: one resource (the fleet's whole portfolio is {@link #AGGREGATED}, the
 * specification's name for summed resources) and a value per interval. OpenADR 3.1 reports name their
 * event only: the program follows from it (the 3.0 {@code programID} was removed, issue 253).
 */
public record VenReport(String eventId, String resourceName, ReportQuantity quantity, List<ReportInterval> intervals) {
    public static final String AGGREGATED = "AGGREGATED_REPORT";

    public VenReport {
        if (eventId == null
                || eventId.isBlank()
                || resourceName == null
                || resourceName.isBlank()
                || quantity == null) {
            throw new BadInputException("a report needs an eventId, a resourceName and a quantity");
        }
        intervals = List.copyOf(intervals);
        if (intervals.isEmpty()) {
            throw new BadInputException("the report for event " + eventId + " has no intervals");
        }
        for (ReportInterval i : intervals) {
            if (!Double.isFinite(i.value()) || (!quantity.signed && i.value() < 0)) {
                throw new BadInputException("the report for event " + eventId + ", interval " + i.intervalId()
                        + ": value " + i.value() + " is not allowed for " + quantity.payloadType
                        + (quantity.signed ? " (must be finite)" : " (must be finite and at least 0)"));
            }
        }
    }

    /** The portfolio's report: one resource, {@value #AGGREGATED}. */
    public static VenReport aggregated(String eventId, ReportQuantity quantity, List<ReportInterval> intervals) {
        return new VenReport(eventId, AGGREGATED, quantity, intervals);
    }
}
