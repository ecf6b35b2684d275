package dev.chikuden.study;

import dev.chikuden.control.ControlLayer;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.StrategySpec;

/**
 * Builds the rolling-MPC layer of a controller stack. The core has no solver, so the layer comes
 * from the optimisation module, found with {@link java.util.ServiceLoader} when it is on the class
 * path (registered in its {@code META-INF/services}).
 */
public interface MpcLayerProvider {
    /**
     * The MPC layer for {@code site}, whose study period is the one the layer will run through.
     *
     * @throws dev.chikuden.BadInputException when the site cannot be optimised (no tariff, no battery)
     */
    ControlLayer create(SiteConfig site, StrategySpec.Mpc spec);
}
