package dev.chikuden.battery;

import java.util.List;

/**
 * How a battery has aged so far.
 *
 * @param stateOfHealth  capacity over nameplate (above 1 is impossible; augmentation restores 1)
 * @param daysAged       days of duty the aging model has applied
 * @param endOfLifeDay   the day the SOH first fell to the end-of-life threshold, NaN if it has not
 * @param augmentations  capacity added so far
 * @param warnings       where the duty left the aging model's validated range
 */
public record BatteryHealth(
        double stateOfHealth,
        double daysAged,
        double endOfLifeDay,
        List<AugmentationEvent> augmentations,
        List<String> warnings) {
    public static final BatteryHealth NEW = new BatteryHealth(1, 0, Double.NaN, List.of(), List.of());
}
