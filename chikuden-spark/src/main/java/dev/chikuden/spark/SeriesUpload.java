package dev.chikuden.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkEnv;
import scala.Tuple2;

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

    /** @param seriesUri {@code OUT/series} */
    SeriesUpload(String seriesUri) {
        try {
            this.local = Files.createTempDirectory("chikuden-series");
            this.target = new org.apache.hadoop.fs.Path(seriesUri);
            this.fs = target.getFileSystem(hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException("series: cannot reach " + seriesUri + ": " + e.getMessage(), e);
        }
    }

    /** The folder the scenario code writes {@code <id>/<case>.parquet} into. */
    Path local() {
        return local;
    }

    /** Copies scenario {@code id}'s files to OUT, replacing what a failed attempt left, and deletes them here. */
    void upload(String id) {
        Path dir = local.resolve(id);
        if (!Files.isDirectory(dir)) {
            return; // the scenario failed before it wrote any
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                org.apache.hadoop.fs.Path to = new org.apache.hadoop.fs.Path(
                        new org.apache.hadoop.fs.Path(target, id),
                        f.getFileName().toString());
                fs.copyFromLocalFile(true, true, new org.apache.hadoop.fs.Path(f.toUri()), to);
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

    /** Hadoop's configuration as Spark gives its executors: the {@code spark.hadoop.*} settings. */
    private static Configuration hadoopConfiguration() {
        Configuration conf = new Configuration();
        SparkEnv env = SparkEnv.get();
        if (env != null) {
            for (Tuple2<String, String> kv : List.of(env.conf().getAll())) {
                if (kv._1().startsWith("spark.hadoop.")) {
                    conf.set(kv._1().substring("spark.hadoop.".length()), kv._2());
                }
            }
        }
        return conf;
    }
}
