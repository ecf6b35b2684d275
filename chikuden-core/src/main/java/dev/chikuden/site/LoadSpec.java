package dev.chikuden.site;

/** A load of the site, as configured. */
public sealed interface LoadSpec
        permits DailyProfileLoadSpec, TraceSpec, AiCampusLoadSpec, ScheduleLoadSpec, HouseholdLoadSpec {
    String name();
}
