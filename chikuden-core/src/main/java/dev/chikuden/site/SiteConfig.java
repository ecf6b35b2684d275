package dev.chikuden.site;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.config.ConfigProblem;
import dev.chikuden.config.ConfigSection;
import dev.chikuden.control.ControlChain;
import dev.chikuden.load.ai.TrainingJob;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * A site, as read from its YAML file and validated.
 *
 * @param source    the file it came from (relative paths in it resolve against its folder)
 * @param location  null when not given
 * @param pv        null without PV
 * @param batteries empty for a site without storage
 * @param ambient   air temperature around the batteries
 * @param billing   the tariff and prices; null when the site has neither
 * @param gridCodeRules the grid-code rule file, null for the default rules
 * @param compareGpuSmoothing GPU-side smoothing to compare with the battery (every training job), null for none
 * @param planning  dispatch optimisation, finance, sizing and outage settings
 * @param control   the control chain (loop periods, delays, converter); null for the single-loop study
 *                  without latency (a site built in code)
 * @param warnings  values read as given that are outside what such equipment usually has (a
 *                  round-trip efficiency of 9 %), located like problems; the commands print them
 * @param ems       the {@code ems:} section, checked against the schema with the rest of the file, for the
 *                  live service to read without parsing the file again; null for a site built in code
 * @param siteClass what the site file says the site is; null to infer it ({@link SiteClass#of})
 */
public record SiteConfig(
        Path source,
        String name,
        ZoneId zone,
        Location location,
        GridConnection grid,
        List<LoadSpec> loads,
        PvSpec pv,
        List<BatteryParameters> batteries,
        AmbientSpec ambient,
        StudyPeriod study,
        StrategySpec strategy,
        OutputSpec output,
        BillingSpec billing,
        Path gridCodeRules,
        TrainingJob.GpuSmoothing compareGpuSmoothing,
        PlanningSpec planning,
        ControlChain control,
        List<ConfigProblem> warnings,
        ConfigSection ems,
        SiteClass siteClass) {
    /** A site built in code, with no warnings and no ems section of its own. */
    public SiteConfig(
            Path source,
            String name,
            ZoneId zone,
            Location location,
            GridConnection grid,
            List<LoadSpec> loads,
            PvSpec pv,
            List<BatteryParameters> batteries,
            AmbientSpec ambient,
            StudyPeriod study,
            StrategySpec strategy,
            OutputSpec output,
            BillingSpec billing,
            Path gridCodeRules,
            TrainingJob.GpuSmoothing compareGpuSmoothing,
            PlanningSpec planning) {
        this(
                source,
                name,
                zone,
                location,
                grid,
                loads,
                pv,
                batteries,
                ambient,
                study,
                strategy,
                output,
                billing,
                gridCodeRules,
                compareGpuSmoothing,
                planning,
                null,
                List.of(),
                null,
                null);
    }

    /** What the trace reader decided about each measured series the site reads: loads, then PV, then ambient. */
    public List<dev.chikuden.trace.TraceInput> traceInputs() {
        List<dev.chikuden.trace.TraceInput> out = new java.util.ArrayList<>();
        for (LoadSpec l : loads) {
            if (l instanceof TraceSpec t) {
                out.add(t.trace().input());
            }
        }
        if (pv instanceof TraceSpec t) {
            out.add(t.trace().input());
        }
        if (ambient instanceof TraceSpec t) {
            out.add(t.trace().input());
        }
        return out;
    }

    /** The same site with other batteries (a sizing candidate, a physics variant). */
    public SiteConfig withBatteries(List<BatteryParameters> other) {
        return new SiteConfig(
                source,
                name,
                zone,
                location,
                grid,
                loads,
                pv,
                List.copyOf(other),
                ambient,
                study,
                strategy,
                output,
                billing,
                gridCodeRules,
                compareGpuSmoothing,
                planning,
                control,
                warnings,
                ems,
                siteClass);
    }

    /** The same site over another study period (one year of a multi-year study). */
    public SiteConfig withStudy(StudyPeriod other) {
        return new SiteConfig(
                source,
                name,
                zone,
                location,
                grid,
                loads,
                pv,
                batteries,
                ambient,
                other,
                strategy,
                output,
                billing,
                gridCodeRules,
                compareGpuSmoothing,
                planning,
                control,
                warnings,
                ems,
                siteClass);
    }

    /** The same site under another control chain (null: the single-loop study without latency). */
    public SiteConfig withControl(ControlChain other) {
        return new SiteConfig(
                source,
                name,
                zone,
                location,
                grid,
                loads,
                pv,
                batteries,
                ambient,
                study,
                strategy,
                output,
                billing,
                gridCodeRules,
                compareGpuSmoothing,
                planning,
                other,
                warnings,
                ems,
                siteClass);
    }

    /** The same site under another strategy. */
    public SiteConfig withStrategy(StrategySpec other) {
        return new SiteConfig(
                source,
                name,
                zone,
                location,
                grid,
                loads,
                pv,
                batteries,
                ambient,
                study,
                other,
                output,
                billing,
                gridCodeRules,
                compareGpuSmoothing,
                planning,
                control,
                warnings,
                ems,
                siteClass);
    }
}
