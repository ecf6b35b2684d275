package dev.chikuden.ems.store;

import dev.chikuden.Secrets;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What differs between the back ends: how to connect, the indexes each wants and how to explain a
 * failed open. The tables and every statement are the same SQL on both.
 */
sealed interface StoreDialect permits DuckDbFile, PostgresServer {
    /** The file or URL, for messages and logs; never a password. */
    String where();

    /** A new connection with auto-commit on. */
    Connection connect() throws SQLException;

    /** Whether raw rows go in through DuckDB's appender rather than a prepared batch. */
    boolean appends();

    /** Statements run after the tables exist. */
    List<String> indexes();

    /** The open failure as the user should read it: what, why, what to do. */
    StoreOpenException cannotOpen(SQLException e);

    /**
     * The first line of the driver's message on what went wrong. A failed batch's own message
     * repeats its statement with every value, so the exception chained to it says it instead; DuckDB
     * appends hints and context on further lines.
     */
    static String cause(SQLException e) {
        SQLException reason =
                e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
        String message = reason.getMessage() == null
                ? reason.getClass().getSimpleName()
                : reason.getMessage().strip();
        int newline = message.indexOf('\n');
        return Secrets.mask(newline < 0 ? message : message.substring(0, newline));
    }
}
