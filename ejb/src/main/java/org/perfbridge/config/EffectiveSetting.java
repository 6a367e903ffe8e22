package org.perfbridge.config;

/** A setting's value in force and its source, with secrets masked, as {@code /api/settings} lists it. */
public record EffectiveSetting(Setting setting, String shownValue, SettingSource source) {
}
