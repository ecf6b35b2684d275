package dev.chikuden.cli.output;

import dev.chikuden.results.CsvRowWriter;
import dev.chikuden.results.DecimatingSink;
import dev.chikuden.results.RowWriter;
import dev.chikuden.scenario.ParquetRowWriter;
import dev.chikuden.sim.StepSink;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.study.PlanStudy;
import dev.chikuden.time.TimeGrid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Per-step result files of a plan study: {@code <case>.csv} and {@code <case>.parquet} in one folder. */
public final class ResultFiles implements PlanStudy.SinkFactory {
    private final Path dir;
    private final SiteConfig site;

    public ResultFiles(Path dir, SiteConfig site) {
        this.dir = dir;
        this.site = site;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + dir, e);
        }
    }

    @Override
    public List<StepSink> open(PlanStudy.Case c, TimeGrid grid) {
        List<RowWriter> writers = List.of(new CsvRowWriter(csv(c), site.zone()), new ParquetRowWriter(parquet(c)));
        return List.of(new DecimatingSink(grid, site.output().stepMs(), writers));
    }

    public Path csv(PlanStudy.Case c) {
        return dir.resolve(c.fileStem() + ".csv");
    }

    public Path parquet(PlanStudy.Case c) {
        return dir.resolve(c.fileStem() + ".parquet");
    }
}
