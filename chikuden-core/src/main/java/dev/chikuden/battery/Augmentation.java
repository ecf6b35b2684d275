package dev.chikuden.battery;

/**
 * When to add new cells so the battery gets back its nameplate energy: when its state of health
 * falls below {@code whenSohBelow} (0 to disable), or every {@code everyDays} days (0 to disable).
 * New cells form a cohort that ages on its own from the day it is installed.
 */
public record Augmentation(double whenSohBelow, double everyDays) {
    public static final Augmentation NONE = new Augmentation(0, 0);
}
