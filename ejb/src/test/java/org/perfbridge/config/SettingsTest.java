package org.perfbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void systemPropertyWinsOverEnvironment() {
        Settings settings = Settings.of(Map.of("graphite.host", "carbon.example"), Map.of("GRAPHITE_HOST", "other"));
        assertEquals("carbon.example", settings.text(Setting.GRAPHITE_HOST));
    }

    @Test
    void blankSystemPropertyFallsBackToEnvironment() {
        Settings settings = Settings.of(Map.of("influxdb.database", " "), Map.of("INFLUXDB_DATABASE", "metrics"));
        assertEquals("metrics", settings.text(Setting.INFLUXDB_DATABASE));
    }

    @Test
    void defaultWhenNeitherIsSet() {
        Settings settings = Settings.of(Map.of(), Map.of());
        assertEquals(2004, settings.integer(Setting.GRAPHITE_PORT));
        assertEquals("", settings.text(Setting.GRAPHITE_HOST));
    }

    @Test
    void environmentNamesFollowMicroProfileMapping() {
        assertEquals("GRAPHITE_HOST", Setting.GRAPHITE_HOST.environmentName());
        assertEquals("MONGO_EMBEDDED_PORT", Setting.MONGO_EMBEDDED_PORT.environmentName());
        assertEquals("API_MAX_BODY_BYTES", Setting.API_MAX_BODY_BYTES.environmentName());
    }

    @Test
    void nonNumericPortIsReportedWithItsName() {
        Settings settings = Settings.of(Map.of("graphite.port", "twenty"), Map.of());
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> settings.integer(Setting.GRAPHITE_PORT));
        assertEquals("setting graphite.port must be a whole number, not 'twenty'", error.getMessage());
    }
}
