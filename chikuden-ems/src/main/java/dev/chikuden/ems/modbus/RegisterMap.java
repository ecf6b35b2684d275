package dev.chikuden.ems.modbus;

import dev.chikuden.ems.config.EmsConfig;
import java.nio.file.Path;

/**
 * Where a battery unit's, the grid meter's and a plant controller's points sit in their registers
 * ({@code plantController} is null in a map without one). Maps are data: the
 * built-in {@link EmsConfig#SUNSPEC} map ships as a YAML resource, and any other map file works the
 * same way (see {@link RegisterMapReader} for the format).
 *
 * @param name   the map's name
 * @param source the file it came from, for messages
 */
public record RegisterMap(String name, String source, DeviceMap bess, DeviceMap meter, DeviceMap plantController) {

    public DeviceMap device(DeviceKind kind) {
        return switch (kind) {
            case BESS -> bess;
            case METER -> meter;
            case PLANT_CONTROLLER -> plantController;
        };
    }

    /**
     * The map a configuration names: {@link EmsConfig#SUNSPEC} for the built-in one, else the path of
     * a map file.
     *
     * @throws dev.chikuden.config.ConfigException naming the file, line and field of every problem
     */
    public static RegisterMap load(String registerMap) {
        return EmsConfig.SUNSPEC.equals(registerMap)
                ? RegisterMapReader.builtIn(registerMap)
                : RegisterMapReader.read(Path.of(registerMap));
    }
}
