package dev.chikuden.openadr.vtn;

import dev.chikuden.openadr.model.Event;
import dev.chikuden.openadr.model.Program;
import dev.chikuden.openadr.model.Report;
import dev.chikuden.openadr.model.Ven;

/** What the VTN holds, in memory: it outlives a {@link InProcessVtn#restart}, as a VTN's database would. */
final class VtnObjects {
    final Table<Program> programs = new Table<>("program");
    final Table<Event> events = new Table<>("event");
    final Table<Report> reports = new Table<>("report");
    final Table<Ven> vens = new Table<>("ven");
}
