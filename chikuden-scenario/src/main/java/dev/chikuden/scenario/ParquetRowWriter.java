package dev.chikuden.scenario;

import dev.chikuden.results.RowWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Result rows as a Parquet file, written by an in-memory DuckDB: rows go in through DuckDB's
 * appender and the table is copied to Parquet (zstd) on close. Timestamps are stored as
 * TIMESTAMPTZ, SOC without a battery as NULL.
 */
public final class ParquetRowWriter implements RowWriter {
    private final Path file;
    private final Connection connection;
    private final DuckDBAppender appender;

    public ParquetRowWriter(Path file) {
        this.file = file;
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE results (epochMs BIGINT, loadKw DOUBLE, pvKw DOUBLE, batteryKw DOUBLE, "
                        + "gridKw DOUBLE, gridMinKw DOUBLE, gridMaxKw DOUBLE, soc DOUBLE)");
            }
            appender = connection
                    .unwrap(DuckDBConnection.class)
                    .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "results");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open DuckDB to write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void row(
            long epochMs,
            double loadKw,
            double pvKw,
            double batteryKw,
            double gridKw,
            double gridMinKw,
            double gridMaxKw,
            double soc) {
        try {
            appender.beginRow()
                    .append(epochMs)
                    .append(loadKw)
                    .append(pvKw)
                    .append(batteryKw)
                    .append(gridKw)
                    .append(gridMinKw)
                    .append(gridMaxKw);
            if (Double.isNaN(soc)) {
                appender.appendNull();
            } else {
                appender.append(soc);
            }
            appender.endRow();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (connection) {
            appender.close();
            try (Statement s = connection.createStatement()) {
                s.execute("COPY (SELECT make_timestamp(epochMs * 1000)::TIMESTAMPTZ AS timestamp, "
                        + "loadKw, pvKw, batteryKw, gridKw, gridMinKw, gridMaxKw, soc FROM results ORDER BY epochMs) "
                        + "TO '" + file.toAbsolutePath().toString().replace("'", "''")
                        + "' (FORMAT PARQUET, COMPRESSION ZSTD)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
