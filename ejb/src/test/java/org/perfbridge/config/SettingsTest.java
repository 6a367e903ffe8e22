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

    @Test
    void theSourceOfAnExpressionIsTheEnvironmentWhenItsVariableIsSet() {
        Settings settings = Settings.of(Map.of("graphite.port", "12004"), Map.of("GRAPHITE_PORT", "12004"),
                Map.of("graphite.port", "${env.GRAPHITE_PORT:2004}"));
        assertEquals(new EffectiveSetting(Setting.GRAPHITE_PORT, "12004", SettingSource.ENVIRONMENT), settings.effective(Setting.GRAPHITE_PORT));
    }

    @Test
    void theSourceOfAnExpressionIsTheDefaultWhenItsVariableIsNotSet() {
        Settings settings = Settings.of(Map.of("graphite.port", "2004"), Map.of(), Map.of("graphite.port", "${env.GRAPHITE_PORT:2004}"));
        assertEquals(SettingSource.DEFAULT, settings.effective(Setting.GRAPHITE_PORT).source());
    }

    @Test
    void aValueWrittenInTheConsoleIsASystemPropertyEvenWhenTheVariableIsSet() {
        Settings settings = Settings.of(Map.of("graphite.port", "2004"), Map.of("GRAPHITE_PORT", "12004"), Map.of("graphite.port", "2004"));
        assertEquals(new EffectiveSetting(Setting.GRAPHITE_PORT, "2004", SettingSource.SYSTEM_PROPERTY), settings.effective(Setting.GRAPHITE_PORT));
    }

    @Test
    void anOperatorsOwnExpressionIsASystemPropertyWhenItResolvesToNeitherTheVariableNorTheDefault() {
        Settings settings = Settings.of(Map.of("influxdb.database", "metrics"), Map.of("INFLUXDB_DATABASE", "bars"),
                Map.of("influxdb.database", "${site.database:metrics}"));
        assertEquals(SettingSource.SYSTEM_PROPERTY, settings.effective(Setting.INFLUXDB_DATABASE).source());
    }

    @Test
    void withoutAPropertyTheEnvironmentAndThenTheDefaultApply() {
        Settings settings = Settings.of(Map.of(), Map.of("INFLUXDB_DATABASE", "bars"));
        assertEquals(new EffectiveSetting(Setting.INFLUXDB_DATABASE, "bars", SettingSource.ENVIRONMENT), settings.effective(Setting.INFLUXDB_DATABASE));
        assertEquals(new EffectiveSetting(Setting.INFLUXDB_PORT, "8086", SettingSource.DEFAULT), settings.effective(Setting.INFLUXDB_PORT));
    }

    @Test
    void aPasswordIsMaskedWhateverItsSource() {
        Settings settings = Settings.of(Map.of("influxdb.password", "s3cret"), Map.of());
        assertEquals("****", settings.effective(Setting.INFLUXDB_PASSWORD).shownValue());
        assertEquals("****", Settings.of(Map.of(), Map.of()).effective(Setting.INFLUXDB_PASSWORD).shownValue());
    }
}
