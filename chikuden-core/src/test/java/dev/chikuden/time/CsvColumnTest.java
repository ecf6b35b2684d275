package dev.chikuden.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvColumnTest {
    @TempDir
    Path dir;

    @Test
    void withoutANameTakesTheFirstColumnThatIsNotTime() throws IOException {
        Path f = write("# soc of one day\nTime_s,soc,kw\n0,0.5,10\n1,0.6,20\n");
        assertThat(read(f, null)).containsExactly(0.5, 0.6);
        assertThat(read(f, "kw")).containsExactly(10.0, 20.0);
        assertThat(read(write("soc\n0.5\n\n0.7\n"), null)).containsExactly(0.5, 0.7);
    }

    @Test
    void aBadValueIsReportedWithFileLineColumnAndValue() throws IOException {
        Path f = write("timestamp,soc\n2025-07-01T00:00:00+09:00,0.5\n2025-07-01T00:00:01+09:00,half\n");
        assertThatThrownBy(() -> read(f, null))
                .isInstanceOf(BadInputException.class)
                .hasMessage(f + ":3: column \"soc\" value \"half\" is not a finite number");
    }

    @Test
    void aMissingColumnOrValueIsReported() throws IOException {
        Path f = write("timestamp,soc\n2025-07-01T00:00:00+09:00\n");
        assertThatThrownBy(() -> read(f, "kw")).hasMessage(f + ":1: no column \"kw\"; the header has [timestamp, soc]");
        assertThatThrownBy(() -> read(f, "soc")).hasMessage(f + ":2: the row has 1 fields; column \"soc\" is field 2");
        Path timeOnly = write("time\n0\n");
        assertThatThrownBy(() -> read(timeOnly, null))
                .hasMessage(timeOnly + ":1: no value column; the header has [time]");
    }

    private static List<Double> read(Path f, String column) {
        List<Double> values = new ArrayList<>();
        CsvColumn.read(f, column, values::add);
        return values;
    }

    private Path write(String text) throws IOException {
        Path f = Files.createTempFile(dir, "in", ".csv");
        Files.writeString(f, text);
        return f;
    }
}
