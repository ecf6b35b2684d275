package dev.chikuden.time;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.chikuden.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Opens a CSV input file the project's way (comment lines with {@code #} and empty lines skipped;
 * short and long rows passed on, so the reader can name the column a row lacks) and turns the
 * failures every reader shares into messages naming the file.
 */
public final class CsvFiles {
    /** Reads the records of one file. */
    @FunctionalInterface
    public interface Body<T> {
        T read(Iterator<CsvRecord> records) throws IOException;
    }

    private CsvFiles() {}

    /**
     * FastCSV's complaint in words, where and what ("record that started in line 3: Unexpected
     * character after closing quote"): its own message says only "Exception when reading ...".
     */
    public static String parseProblem(CsvParseException e) {
        String where = String.valueOf(e.getMessage()).replace("Exception when reading ", "");
        return e.getCause() == null ? where : where + ": " + e.getCause().getMessage();
    }

    public static <T> T read(Path file, Body<T> body) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .commentStrategy(CommentStrategy.SKIP)
                .skipEmptyLines(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofCsvRecord(file)) {
            return body.read(reader.iterator());
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (CsvParseException e) {
            throw new BadInputException(file + ": not valid CSV: " + parseProblem(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A finite number read from a field, or a {@link BadInputException}
     * {@code "file:line: <what> \"<text>\" is not <expected>"}.
     */
    public static double finiteNumber(Path file, long line, String what, String text, String expected) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadInputException(file + ":" + line + ": " + what + " \"" + text + "\" is not " + expected);
    }
}
