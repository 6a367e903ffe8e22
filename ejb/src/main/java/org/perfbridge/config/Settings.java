package org.perfbridge.config;

import java.util.Map;
import java.util.function.Function;

/**
 * Reads settings on every call, so an edit in the admin console takes effect without a redeploy.
 * A system property that is set and not blank wins; otherwise the environment variable; otherwise the default.
 */
public final class Settings {

    private final Function<String, String> systemProperties;
    private final Function<String, String> environment;

    public Settings(Function<String, String> systemProperties, Function<String, String> environment) {
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    public static Settings fromServer() {
        return new Settings(System::getProperty, System::getenv);
    }

    public static Settings of(Map<String, String> systemProperties, Map<String, String> environment) {
        return new Settings(systemProperties::get, environment::get);
    }

    public String text(Setting setting) {
        String property = systemProperties.apply(setting.propertyName());
        if (property != null && !property.isBlank()) {
            return property.trim();
        }
        String variable = environment.apply(setting.environmentName());
        if (variable != null && !variable.isBlank()) {
            return variable.trim();
        }
        return setting.defaultValue();
    }

    public int integer(Setting setting) {
        String text = text(setting);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("setting " + setting.propertyName() + " must be a whole number, not '" + text + "'");
        }
    }

    public boolean flag(Setting setting) {
        return Boolean.parseBoolean(text(setting));
    }

    public boolean isBlank(Setting setting) {
        return text(setting).isBlank();
    }
}
