package dev.chikuden.ems.store;

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

    /** Statements run after the tables exist. */
    List<String> indexes();

    /** The open failure as the user should read it: what, why, what to do. */
    StoreOpenException cannotOpen(SQLException e);

    /** The first line of a driver message: DuckDB appends hints and context on further lines. */
    static String cause(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
