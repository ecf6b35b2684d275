package dev.chikuden.config;

import dev.chikuden.BadInputException;
import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a configuration file, in file order. */
public final class ConfigException extends BadInputException {
    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the configuration:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
