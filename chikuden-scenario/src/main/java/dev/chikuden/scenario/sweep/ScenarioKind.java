package dev.chikuden.scenario.sweep;

public enum ScenarioKind {
    PLAN,
    OPTIMIZE,
    SIZE
}
