package dev.chikuden.openadr;

/** A payload the VEN did not turn into an instruction, and why (unknown type, unknown units, bad value). */
public record Skipped(String eventId, int intervalId, String payloadType, String reason) {}
