package dev.chikuden.openadr;

import java.time.Duration;
import java.time.Instant;

/** One value of a report: for the event interval {@code intervalId} (see {@link EventInterval}), over a span. */
public record ReportInterval(int intervalId, Instant start, Duration duration, double value) {}
