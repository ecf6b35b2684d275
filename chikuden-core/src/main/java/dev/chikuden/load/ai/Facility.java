package dev.chikuden.load.ai;

import dev.chikuden.battery.PiecewiseLinear;

/**
 * The facility around the IT load: cooling and power distribution as a PUE that depends on the
 * ambient temperature, applied to the IT load through a first-order lag (chillers and air follow
 * the heat over minutes, not the sub-second swings of training), plus fixed loads (offices,
 * lighting, security).
 *
 * @param pueByAmbientC PUE against ambient °C (total over IT), e.g. 1.15 at 0 °C to 1.35 at 35 °C
 * @param fixedKw       facility loads independent of IT
 * @param lagS          time constant of cooling following the IT heat
 */
public record Facility(PiecewiseLinear pueByAmbientC, double fixedKw, double lagS) {}
