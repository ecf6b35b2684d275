package dev.chikuden.trace;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.chikuden.BadInputException;
import dev.chikuden.time.CsvFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The rows of a delimited text file in a detected encoding: the delimiter is the one of comma,
 * semicolon and tab that splits the file's first lines most consistently; {@code #} comment lines
 * and empty lines are skipped; every field is trimmed (nvidia-smi writes ", ").
 */
final class CsvRows implements AutoCloseable {
    /** One row: its trimmed fields and the line it starts on. */
    record Row(String[] cells, long line) {
        String cell(int i) {
            return i < cells.length ? cells[i] : "";
        }
    }

    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> it;
    private final Path file;
    final char delimiter;

    CsvRows(Path file, TextEncoding encoding) {
        this.file = file;
        this.delimiter = delimiter(file, encoding);
        this.reader = CsvReader.builder()
                .fieldSeparator(delimiter)
                .commentStrategy(CommentStrategy.SKIP)
                .skipEmptyLines(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofCsvRecord(encoding.open(file));
        this.it = reader.iterator();
    }

    /** The next row, or null at the end. */
    Row next() {
        try {
            while (it.hasNext()) {
                CsvRecord r = it.next();
                String[] cells = new String[r.getFieldCount()];
                boolean blank = true;
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = r.getField(i).strip();
                    blank &= cells[i].isEmpty();
                }
                if (!blank) {
                    return new Row(cells, r.getStartingLineNumber());
                }
            }
            return null;
        } catch (CsvParseException e) {
            throw new BadInputException(file + ": not valid CSV: " + CsvFiles.parseProblem(e));
        } catch (UncheckedIOException e) {
            throw decodeError(e);
        }
    }

    private RuntimeException decodeError(UncheckedIOException e) {
        if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
            return new BadInputException(file + ": does not decode in the encoding given: " + e.getCause());
        }
        return e;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static char delimiter(Path file, TextEncoding encoding) {
        char[] buf = new char[1 << 16];
        int n;
        try (Reader r = encoding.open(file)) {
            n = r.read(buf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] lines = new String(buf, 0, Math.max(0, n)).split("\r?\n");
        char best = ',';
        int bestScore = -1;
        for (char d : new char[] {',', '\t', ';'}) {
            int score = 0;
            int seen = 0;
            for (int i = 0; i < lines.length - 1 && seen < 20; i++) { // the last line may be cut short
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                seen++;
                score += line.chars().anyMatch(c -> c == d) ? 1 : 0;
            }
            if (score > bestScore) {
                best = d;
                bestScore = score;
            }
        }
        return best;
    }
}
