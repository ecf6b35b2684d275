package dev.chikuden.battery;

/** Capacity added to a battery: on which day of its life, how much, and its SOH just before. */
public record AugmentationEvent(String battery, double day, double addedKwh, double sohBefore) {}
