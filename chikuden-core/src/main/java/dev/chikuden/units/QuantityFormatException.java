package dev.chikuden.units;

/** A quantity text that could not be read; the message says what is allowed. */
public final class QuantityFormatException extends IllegalArgumentException {
    public QuantityFormatException(String message) {
        super(message);
    }
}
