package dev.chikuden.scenario.sweep;

import dev.chikuden.site.SiteOverride;
import java.util.List;

public record Scenario(int index, String id, List<String> axisValues, List<SiteOverride> overrides) {}
