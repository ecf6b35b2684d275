package dev.chikuden.cli;

import dev.chikuden.BadInputException;
import dev.chikuden.config.ConfigSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes out the JSON Schemas of the configuration files, as the jar carries them, for an editor to
 * complete and check site files by ({@code # yaml-language-server: $schema=schemas/site.schema.json}).
 */
@Command(
        name = "schemas",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Writes the JSON Schemas of the site file, the register-map file and the grid-code rules into a "
                    + "folder, for an editor to complete and check those files by.",
            "Point a file at one with a first line such as: # yaml-language-server: $schema=schemas/site.schema.json"
        })
final class SchemasCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--to",
            paramLabel = "DIR",
            defaultValue = "schemas",
            description = "The folder to write into, made if missing (default: ${DEFAULT-VALUE}).")
    Path to;

    @Option(names = "--force", description = "Overwrite schema files that differ from these.")
    boolean force;

    @Mixin
    SharedOptions.Json json;

    @Override
    public Integer call() throws IOException {
        List<Path> written = write(to, force);
        PrintWriter w = spec.commandLine().getOut();
        if (json.on) {
            w.println(PlanCommand.JSON.writeValueAsString(
                    Map.of("written", written.stream().map(Path::toString).toList())));
        } else {
            written.forEach(p -> w.println("wrote " + p));
        }
        w.flush();
        return Main.OK;
    }

    /**
     * Writes every schema into {@code dir}: a file already there with the same bytes is left, one that
     * differs is refused unless {@code force} (nothing is written then).
     *
     * @return the schema files in {@code dir}
     */
    static List<Path> write(Path dir, boolean force) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (String name : ConfigSchema.FILES) {
            files.put(dir.resolve(name), bundled(name));
        }
        for (Map.Entry<Path, byte[]> f : files.entrySet()) {
            if (Files.exists(f.getKey()) && !force && !Arrays.equals(Files.readAllBytes(f.getKey()), f.getValue())) {
                throw new BadInputException(f.getKey() + " already exists and differs; nothing was written "
                        + "(add --force to overwrite)");
            }
        }
        Files.createDirectories(dir);
        for (Map.Entry<Path, byte[]> f : files.entrySet()) {
            Files.write(f.getKey(), f.getValue());
        }
        return new ArrayList<>(files.keySet());
    }

    private static byte[] bundled(String name) {
        try (InputStream in = ConfigSchema.class.getClassLoader().getResourceAsStream(ConfigSchema.RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("schema " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
