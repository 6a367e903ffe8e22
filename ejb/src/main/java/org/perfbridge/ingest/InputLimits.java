package org.perfbridge.ingest;

import org.perfbridge.config.Setting;
import org.perfbridge.config.Settings;

/**
 * How much one request may bring: check results per batch, characters per string field and per perfdata, metrics per
 * check, and how far ahead of the server's clock a {@code last_check} may be.
 */
public record InputLimits(int maxItems, int maxStringLength, int maxPerfdataLength, int maxMetricsPerCheck,
                          int maxClockSkewSeconds) {

    public static InputLimits of(Settings settings) {
        return new InputLimits(settings.integer(Setting.API_MAX_BATCH_ITEMS), settings.integer(Setting.API_MAX_STRING_LENGTH),
                settings.integer(Setting.API_MAX_PERFDATA_LENGTH), settings.integer(Setting.API_MAX_METRICS_PER_CHECK),
                settings.integer(Setting.API_MAX_CLOCK_SKEW_SECONDS));
    }

    /** The default limits, with another batch size. */
    public static InputLimits withMaxItems(int maxItems) {
        InputLimits defaults = of(Settings.of(java.util.Map.of(), java.util.Map.of()));
        return new InputLimits(maxItems, defaults.maxStringLength(), defaults.maxPerfdataLength(), defaults.maxMetricsPerCheck(),
                defaults.maxClockSkewSeconds());
    }
}
