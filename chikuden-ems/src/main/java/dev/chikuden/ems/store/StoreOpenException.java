package dev.chikuden.ems.store;

import dev.chikuden.BadInputException;

/**
 * The telemetry store cannot be opened: its file is held by another process, the database is
 * unreachable or refuses the user. The message names the file or URL (never the password), the
 * cause and what to do; the command line prints it and exits with 2.
 */
final class StoreOpenException extends BadInputException {
    StoreOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
