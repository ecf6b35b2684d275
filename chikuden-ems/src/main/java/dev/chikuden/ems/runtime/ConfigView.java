package dev.chikuden.ems.runtime;

import dev.chikuden.ems.config.EmsConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The service's configuration as operators may see it. Secrets never appear: the write token and
 * the database password are left out (the token's origin is shown instead), and a password written
 * into the JDBC URL is masked.
 */
final class ConfigView {
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private ConfigView() {
    }

    static Map<String, Object> of(EmsConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cycleMs", c.cycleMs());
        m.put("silentCycles", c.silentCycles());
        m.put("safeSetpointKw", c.safeSetpointKw());
        m.put("watchdogMs", c.watchdogMs());
        if (c.devices() != null) {
            EmsConfig.Devices d = c.devices();
            Map<String, Object> dm = new LinkedHashMap<>();
            List<Object> batteries = new ArrayList<>();
            for (EmsConfig.Endpoint e : d.batteries()) {
                batteries.add(endpoint(e));
            }
            dm.put("batteries", Collections.unmodifiableList(batteries));
            dm.put("meter", d.meter() == null ? null : endpoint(d.meter()));
            dm.put("timeoutMs", d.timeoutMs());
            dm.put("retries", d.retries());
            dm.put("backoffMs", d.backoffMs());
            dm.put("registerMap", d.registerMap());
            m.put("devices", Collections.unmodifiableMap(dm));
        }
        if (c.http() != null) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("bind", c.http().bind());
            hm.put("port", c.http().port());
            hm.put("tokenOrigin", c.http().tokenOrigin());
            m.put("http", Collections.unmodifiableMap(hm));
        }
        if (c.store() != null) {
            EmsConfig.Store s = c.store();
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("file", s.file() == null ? null : s.file().toString());
            sm.put("jdbcUrl", s.jdbcUrl() == null ? null : URL_PASSWORD.matcher(s.jdbcUrl()).replaceAll("$1***"));
            sm.put("user", s.user());
            sm.put("rawRetentionMs", s.rawRetentionMs());
            sm.put("aggregateMs", s.aggregateMs());
            sm.put("aggregateRetentionMs", s.aggregateRetentionMs());
            m.put("store", Collections.unmodifiableMap(sm));
        }
        m.put("auditLog", c.auditLog() == null ? null : c.auditLog().toString());
        m.put("stateDir", c.stateDir() == null ? null : c.stateDir().toString());
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Object> endpoint(EmsConfig.Endpoint e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("host", e.host());
        m.put("port", e.port());
        m.put("unitId", e.unitId());
        return Collections.unmodifiableMap(m);
    }
}
