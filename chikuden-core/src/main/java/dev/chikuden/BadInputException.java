package dev.chikuden;

/**
 * Input the user can fix: a malformed file, a bad value. The message names the file, the place
 * (line, field), the bad value and what is allowed; the command line prints it and exits with 2.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
