package dev.chikuden.site;

import java.util.Locale;

/**
 * What kind of site this is: it decides what a study shows (a household sees its bill, PV use and
 * payback; an AI campus its grid-code verdicts). The site file may say ({@code class:}); otherwise
 * it follows from the loads, the voltage and the baseline's peak ({@link #of}).
 */
public enum SiteClass {
    AI_CAMPUS("ai-campus"),
    GRID_BATTERY("grid-battery"),
    INDUSTRIAL("industrial"),
    COMMERCIAL("commercial"),
    HOUSEHOLD("household");

    /**
     * The largest 30-minute demand a low-voltage site defaults to a household at: a Japanese home
     * contracts up to 60 A (6 kVA), an all-electric one 10-12 kVA; shops and offices on low voltage
     * reach 50 kW.
     */
    public static final double HOUSEHOLD_PEAK_KW = 12;

    private final String id;

    SiteClass(String id) {
        this.id = id;
    }

    /** As the site file writes it. */
    public String id() {
        return id;
    }

    /** The class and where it came from ("given", "from low voltage and a 4.1 kW peak"). */
    public record Resolved(SiteClass siteClass, String basis) {}

    /**
     * The site's class: as given, else an AI campus for any AI-campus load or on extra-high voltage
     * (a measured data-centre trace; Chikuden's first users), a grid battery for no load, an
     * industrial site on high voltage, a household or commercial site on low voltage by
     * {@code peakDemandKw} (the 30-minute peak without battery). A factory on extra-high voltage
     * says {@code class: industrial}.
     */
    public static Resolved of(SiteConfig site, double peakDemandKw) {
        if (site.siteClass() != null) {
            return new Resolved(site.siteClass(), "given");
        }
        SiteClass byLoads = byLoads(site);
        if (byLoads != null) {
            return new Resolved(byLoads, basis(site, byLoads));
        }
        String voltage = site.grid().voltage().yamlName();
        if (site.grid().voltage() == VoltageClass.HIGH) {
            return new Resolved(INDUSTRIAL, "from " + voltage + " voltage");
        }
        return new Resolved(
                peakDemandKw <= HOUSEHOLD_PEAK_KW ? HOUSEHOLD : COMMERCIAL,
                String.format(Locale.ROOT, "from low voltage and a %.1f kW peak", peakDemandKw));
    }

    /**
     * Whether the shipped grid-code rules judge the site: they are written for large AI loads, so
     * only an AI campus (given or implied) is judged by them; any class is judged by a rule file it
     * names.
     */
    public static boolean shippedRulesApply(SiteConfig site) {
        return site.siteClass() == null ? byLoads(site) == AI_CAMPUS : site.siteClass() == AI_CAMPUS;
    }

    private static String basis(SiteConfig site, SiteClass byLoads) {
        if (byLoads == GRID_BATTERY) {
            return "from having no load";
        }
        return site.loads().stream().anyMatch(l -> l instanceof AiCampusLoadSpec)
                ? "from its AI-campus load"
                : "from extra-high voltage";
    }

    /** Whether the site is a household or may turn out one once its peak is known. */
    public static boolean mayBeHousehold(SiteConfig site) {
        return site.siteClass() == null
                ? byLoads(site) == null && site.grid().voltage() == VoltageClass.LOW
                : site.siteClass() == HOUSEHOLD;
    }

    /** AI campus or grid battery when the loads say so, null when the voltage and peak decide. */
    private static SiteClass byLoads(SiteConfig site) {
        if (site.loads().isEmpty()) {
            return GRID_BATTERY;
        }
        return site.loads().stream().anyMatch(l -> l instanceof AiCampusLoadSpec)
                        || site.grid().voltage() == VoltageClass.EXTRA_HIGH
                ? AI_CAMPUS
                : null;
    }

    /** The class named {@code id}, null when none is. */
    static SiteClass byId(String id) {
        for (SiteClass c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }
}
