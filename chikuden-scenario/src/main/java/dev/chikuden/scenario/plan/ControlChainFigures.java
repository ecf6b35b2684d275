package dev.chikuden.scenario.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.chikuden.control.ControlChain;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.PlanStudy;
import dev.chikuden.units.Quantities;
import java.util.Locale;

/**
 * The site's control chain as the study used it. Every field but {@code simulated} and {@code
 * notSimulated} is null for a site without a chain (built in code: one loop acting once per step).
 *
 * @param converterRampKwPerS null for no ramp limit
 * @param notSimulated why the study does not simulate the chain; null when it does
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ControlChainFigures(
        Long supervisoryPeriodMs,
        Long fastPeriodMs,
        String fastHost,
        Long meterDelayMs,
        Long commandDelayMs,
        Double converterTimeConstantMs,
        Double converterRampKwPerS,
        Double totalLatencyMs,
        boolean simulated,
        String notSimulated) {

    static ControlChainFigures of(SiteConfig site) {
        ControlChain c = site.control();
        boolean simulated = PlanStudy.chainSimulated(site);
        String why = simulated ? null : whyNot(site);
        if (c == null) {
            return new ControlChainFigures(null, null, null, null, null, null, null, null, false, why);
        }
        return new ControlChainFigures(
                c.supervisoryPeriodMs(),
                c.fastPeriodMs(),
                c.fastHost().type(),
                c.meterDelayMs(),
                c.commandDelayMs(),
                c.converterTimeConstantS() * 1000,
                Double.isInfinite(c.converterRampKwPerS()) ? null : c.converterRampKwPerS(),
                c.totalLatencyS() * 1000,
                simulated,
                why);
    }

    private static String whyNot(SiteConfig site) {
        ControlChain c = site.control();
        double stepS = site.study().stepMs() / 1000.0;
        if (site.batteries().isEmpty()) {
            return "the site has no battery";
        }
        if (c == null) {
            return "the site has no control chain: its controllers act once per step on that step's load";
        }
        if (c.zeroLatency()) {
            return "the chain has no latency: the figures above are the ideal ones";
        }
        return "a " + Quantities.formatDuration(stepS) + " step resolves no sub-second latency (the chain is"
                + " simulated at steps up to " + Quantities.formatDuration(ControlChain.MAX_CHAINED_STEP_MS / 1000.0)
                + ")";
    }

    /** "supervisory 1 s, fast 100 ms (ems), meter 50 ms, command 50 ms, converter 150 ms; total latency 250 ms". */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "supervisory %s, fast %s (%s), meter %s, command %s, converter %s; total latency %s",
                ms(supervisoryPeriodMs),
                ms(fastPeriodMs),
                fastHost,
                ms(meterDelayMs),
                ms(commandDelayMs),
                ms(converterTimeConstantMs),
                ms(totalLatencyMs));
    }

    public static String ms(double ms) {
        return Quantities.formatDuration(ms / 1000);
    }
}
