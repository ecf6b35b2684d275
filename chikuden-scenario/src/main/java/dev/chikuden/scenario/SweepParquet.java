package dev.chikuden.scenario;

import dev.chikuden.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A sweep's rows as Parquet part files in one folder ({@code part-00000.parquet}, ...), written and
 * read by an in-memory DuckDB. A folder of parts is what Spark writes too, so one query reads the
 * results of either runner: {@code SELECT * FROM 'DIR/*.parquet'}.
 */
public final class SweepParquet {
    private SweepParquet() {}

    /** Writes {@code rows} as the folder's next part file. */
    public static Path writePart(Path dir, SweepSchema schema, List<ScenarioRow> rows) {
        try {
            Files.createDirectories(dir);
            Path file =
                    dir.resolve(String.format("part-%05d.parquet", parts(dir).size()));
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE rows (" + columnsDdl(schema) + ")");
                try (DuckDBAppender a =
                        c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "rows")) {
                    for (ScenarioRow r : rows) {
                        a.beginRow();
                        for (Object v : schema.values(r)) {
                            if (v == null) {
                                a.appendNull();
                            } else if (v instanceof Integer i) {
                                a.append(i);
                            } else if (v instanceof Double d) {
                                a.append(d);
                            } else {
                                a.append((String) v);
                            }
                        }
                        a.endRow();
                    }
                }
                s.execute("COPY (SELECT * FROM rows ORDER BY scenario) TO '" + quote(file)
                        + "' (FORMAT PARQUET, COMPRESSION ZSTD)");
            }
            return file;
        } catch (IOException | SQLException e) {
            throw new BadInputException(dir + ": cannot write the sweep's rows: " + e.getMessage(), e);
        }
    }

    /** Every row in the folder's part files, by scenario; none when there are no parts yet. */
    public static List<ScenarioRow> read(Path dir, SweepSchema schema) {
        if (parts(dir).isEmpty()) {
            return List.of();
        }
        List<ScenarioRow> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT * FROM read_parquet('" + quote(dir) + "/*.parquet') ORDER BY scenario")) {
            int n = rs.getMetaData().getColumnCount();
            List<String> found = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                found.add(rs.getMetaData().getColumnName(i));
            }
            List<String> expected =
                    schema.columns().stream().map(SweepSchema.Column::name).toList();
            if (!found.equals(expected)) {
                throw new BadInputException(dir + " holds the rows of another sweep (columns " + found
                        + "; this sweep writes " + expected + "): give another --out, or delete it");
            }
            while (rs.next()) {
                Object[] v = new Object[n];
                for (int i = 0; i < n; i++) {
                    v[i] = rs.getObject(i + 1);
                }
                rows.add(schema.row(v));
            }
            return rows;
        } catch (SQLException e) {
            throw new BadInputException(dir + ": cannot read the sweep's rows: " + e.getMessage(), e);
        }
    }

    static List<Path> parts(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static String columnsDdl(SweepSchema schema) {
        StringBuilder sb = new StringBuilder();
        for (SweepSchema.Column col : schema.columns()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('"')
                    .append(col.name().replace("\"", "\"\""))
                    .append("\" ")
                    .append(
                            switch (col.type()) {
                                case INT -> "INTEGER";
                                case TEXT -> "VARCHAR";
                                case DOUBLE -> "DOUBLE";
                            });
        }
        return sb.toString();
    }

    private static String quote(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }
}
