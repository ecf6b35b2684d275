package dev.chikuden.ems.config;

import dev.chikuden.BadInputException;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.site.SiteConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a site's devices answer when its file says nothing: 127.0.0.1:1502, battery i of the site
 * as Modbus unit i + 1 (named as in the site file), the grid meter as unit 100 named {@code meter}
 * (unit N + 1 when the site has N >= 100 batteries), the built-in SunSpec map.
 */
public final class DeviceDefaults {
    public static final String HOST = "127.0.0.1";
    public static final int PORT = 1502;
    public static final int METER_UNIT_ID = 100;
    public static final String METER_NAME = "meter";
    public static final long TIMEOUT_MS = 250;
    public static final int RETRIES = 1;
    public static final long BACKOFF_MS = 1000;
    /** The largest unit id Modbus addresses (248 .. 255 are reserved). */
    public static final int MAX_UNIT_ID = 247;

    private DeviceDefaults() {
    }

    public static EmsConfig.Devices forSite(SiteConfig site) {
        List<BatteryParameters> batteries = site.batteries();
        int meterId = Math.max(METER_UNIT_ID, batteries.size() + 1);
        if (meterId > MAX_UNIT_ID) {
            throw new BadInputException(site.source() + ": batteries: " + batteries.size() + " batteries and the meter "
                    + "do not fit the Modbus unit ids 1 .. " + MAX_UNIT_ID + " of one address");
        }
        List<EmsConfig.Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < batteries.size(); i++) {
            endpoints.add(new EmsConfig.Endpoint(batteries.get(i).name(), HOST, PORT, i + 1));
        }
        return new EmsConfig.Devices(endpoints, new EmsConfig.Endpoint(METER_NAME, HOST, PORT, meterId), TIMEOUT_MS,
                RETRIES, BACKOFF_MS, EmsConfig.SUNSPEC);
    }
}
