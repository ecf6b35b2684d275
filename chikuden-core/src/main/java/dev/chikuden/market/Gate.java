package dev.chikuden.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;

/**
 * When a balancing product's offers for a delivery day close (EPRX): the day before at a time
 * ({@code day-ahead 14:00}), or, for the weekly products before 2026-03-14, at a time on the Tuesday
 * of the week before the Saturday-to-Friday delivery week ({@code weekly 14:00}; 実需給の前週火曜日).
 *
 * @param weekly whether offers close once a week
 * @param at     the local time offers close
 */
public record Gate(boolean weekly, LocalTime at) {
    private static final String DAY_AHEAD = "day-ahead ";
    private static final String WEEKLY = "weekly ";

    /** The gate as the product table writes it. */
    public static Gate parse(String text) {
        boolean weekly = text.startsWith(WEEKLY);
        if (!weekly && !text.startsWith(DAY_AHEAD)) {
            throw new IllegalArgumentException("gate \"" + text + "\": write \"day-ahead HH:MM\" or \"weekly HH:MM\"");
        }
        try {
            return new Gate(weekly, LocalTime.parse(text.substring(weekly ? WEEKLY.length() : DAY_AHEAD.length())));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("gate \"" + text + "\": the time is not HH:MM");
        }
    }

    /** The local moment offers for {@code delivery} close. */
    public LocalDateTime closesFor(LocalDate delivery) {
        if (!weekly) {
            return delivery.minusDays(1).atTime(at);
        }
        LocalDate saturday = delivery.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        return saturday.minusDays(4).atTime(at); // the Tuesday before
    }

    @Override
    public String toString() {
        return (weekly ? WEEKLY : DAY_AHEAD) + at;
    }
}
