package org.perfbridge.config;

import java.util.Map;
import java.util.function.Function;

/**
 * Reads settings on every call, so an edit in the admin console takes effect without a redeploy.
 * A system property that is set and not blank wins; otherwise the environment variable; otherwise the default.
 * The install script makes each property an expression such as {@code ${env.GRAPHITE_PORT:2004}}, so WildFly
 * itself resolves the environment and the default until an operator writes a value of their own.
 */
public final class Settings {

    private final Function<String, String> systemProperties;
    private final Function<String, String> environment;
    private final Function<String, String> configuredProperties;

    public Settings(Function<String, String> systemProperties, Function<String, String> environment,
            Function<String, String> configuredProperties) {
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.configuredProperties = configuredProperties;
    }

    public static Settings fromServer() {
        return new Settings(System::getProperty, System::getenv, ServerConfiguration::unresolvedSystemProperty);
    }

    public static Settings of(Map<String, String> systemProperties, Map<String, String> environment) {
        return of(systemProperties, environment, Map.of());
    }

    /** {@code configured}: the server configuration's system properties as written, expressions unresolved. */
    public static Settings of(Map<String, String> systemProperties, Map<String, String> environment, Map<String, String> configured) {
        return new Settings(systemProperties::get, environment::get, configured::get);
    }

    public String text(Setting setting) {
        String property = systemProperties.apply(setting.propertyName());
        if (property != null && !property.isBlank()) {
            return property.trim();
        }
        String variable = environmentValue(setting);
        if (variable != null) {
            return variable;
        }
        return setting.defaultValue();
    }

    public EffectiveSetting effective(Setting setting) {
        String value = text(setting);
        return new EffectiveSetting(setting, setting.secrecy().shown(value), source(setting, value));
    }

    private SettingSource source(Setting setting, String value) {
        String property = systemProperties.apply(setting.propertyName());
        if (property == null || property.isBlank()) {
            return environmentValue(setting) != null ? SettingSource.ENVIRONMENT : SettingSource.DEFAULT;
        }
        String configured = configuredProperties.apply(setting.propertyName());
        if (configured == null || !configured.contains("${")) {
            return SettingSource.SYSTEM_PROPERTY;
        }
        // WildFly resolved an expression; what it resolved to tells which of its parts applied, and a value that is
        // neither the variable's nor the default came from an operator's own expression
        if (configured.contains("${env." + setting.environmentName()) && value.equals(environmentValue(setting))) {
            return SettingSource.ENVIRONMENT;
        }
        return value.equals(setting.defaultValue()) ? SettingSource.DEFAULT : SettingSource.SYSTEM_PROPERTY;
    }

    private String environmentValue(Setting setting) {
        String variable = environment.apply(setting.environmentName());
        return variable == null || variable.isBlank() ? null : variable.trim();
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
