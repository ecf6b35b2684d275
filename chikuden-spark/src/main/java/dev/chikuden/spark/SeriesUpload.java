package dev.chikuden.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;

/**
 * A task's per-step results ({@code series: true}) on their way to {@code OUT/series/<id>/}: the
 * scenario code writes each scenario's files with DuckDB into a folder of the executor's own, and
 * this copies them to OUT through Hadoop's file system (a local folder, HDFS, S3) and deletes them,
 * so an executor's disk holds one scenario's files at a time.
 */
final class SeriesUpload implements AutoCloseable {
    private final Path local;
    private final org.apache.hadoop.fs.Path target;
    private final FileSystem fs;
    private final String attempt = UUID.randomUUID().toString();

    /**
     * @param seriesUri {@code OUT/series}
     * @param hadoop the driver's Hadoop configuration (its {@code spark.hadoop.*}, the cluster's site
     *     files, credentials set at run time), which the rows are written with too
     */
    SeriesUpload(String seriesUri, Configuration hadoop) {
        try {
            // under Spark's own scratch space on an executor, which Spark removes with the executor
            this.local = SparkEnv.get() != null
                    ? Files.createTempDirectory(Path.of(SparkFiles.getRootDirectory()), "chikuden-series")
                    : Files.createTempDirectory("chikuden-series");
            this.target = new org.apache.hadoop.fs.Path(seriesUri);
            this.fs = target.getFileSystem(hadoop);
        } catch (IOException e) {
            throw new UncheckedIOException("series: cannot reach " + seriesUri + ": " + e.getMessage(), e);
        }
    }

    /** The folder the scenario code writes {@code <id>/<case>.parquet} into. */
    Path local() {
        return local;
    }

    /**
     * Copies scenario {@code id}'s files to OUT and deletes them here. Each file is copied under a
     * name of this attempt's own and then renamed, so OUT only ever holds whole files: a speculative
     * second attempt of the task writing the same scenario at once (HDFS lets one writer hold a file)
     * never meets this one's open file, and a file another attempt already put there (the same
     * scenario, the same bytes) is kept, never deleted, so a killed attempt cannot leave a committed
     * row without its series.
     */
    void upload(String id) {
        Path dir = local.resolve(id);
        if (!Files.isDirectory(dir)) {
            return; // the scenario failed before it wrote any
        }
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(target, id);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                org.apache.hadoop.fs.Path to = new org.apache.hadoop.fs.Path(folder, name);
                org.apache.hadoop.fs.Path part =
                        new org.apache.hadoop.fs.Path(folder, "." + name + "." + attempt + ".tmp");
                fs.copyFromLocalFile(true, true, new org.apache.hadoop.fs.Path(f.toUri()), part);
                if (!fs.rename(part, to)) { // HDFS does not rename onto a file; a local folder does
                    boolean there = fs.exists(to);
                    fs.delete(part, false);
                    if (!there) {
                        throw new IOException("cannot rename " + part + " to " + to);
                    }
                }
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "series: cannot write " + new org.apache.hadoop.fs.Path(target, id) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> s = Files.walk(local)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder the executor's cleanup removes in the end
        }
    }
}
