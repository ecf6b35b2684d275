package dev.chikuden.scenario.sweep;

public record Axis(String path, String column) {}
