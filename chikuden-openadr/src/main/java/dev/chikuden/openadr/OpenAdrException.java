package dev.chikuden.openadr;

/** A VTN could not be reached, or answered with an error; the message says which VTN, what and why. */
public class OpenAdrException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OpenAdrException(String message) {
        super(message);
    }

    public OpenAdrException(String message, Throwable cause) {
        super(message, cause);
    }
}
