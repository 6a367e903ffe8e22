package org.perfbridge.sink;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.perfbridge.config.Setting;
import org.perfbridge.config.Settings;

/**
 * The sinks the current settings enable: Graphite when {@code graphite.host} is set, InfluxDB when
 * {@code influxdb.host} is set. Rebuilt when a setting changes, reused otherwise.
 */
@ApplicationScoped
public class EnabledSinks {

    private record Built(List<String> settings, List<Sink> sinks) {
    }

    private final AtomicReference<Built> current = new AtomicReference<>(new Built(List.of(), List.of()));

    private SinkThreads threads;

    @PostConstruct
    void startThreads() {
        threads = new SinkThreads();
    }

    public List<Sink> all() {
        Settings settings = Settings.fromServer();
        List<String> values = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            values.add(settings.text(setting));
        }
        Built built = current.get();
        if (!built.settings().equals(values)) {
            built = new Built(values, build(settings));
            current.set(built);
        }
        return built.sinks();
    }

    @PreDestroy
    void closeSinks() {
        current.set(new Built(List.of(), List.of()));
        threads.close();
    }

    private List<Sink> build(Settings settings) {
        List<Sink> sinks = new ArrayList<>(2);
        int connectTimeout = settings.integer(Setting.SINK_CONNECT_TIMEOUT_MS);
        int writeTimeout = settings.integer(Setting.SINK_WRITE_TIMEOUT_MS);
        if (!settings.isBlank(Setting.GRAPHITE_HOST)) {
            sinks.add(new GraphiteSink(settings.text(Setting.GRAPHITE_HOST), settings.integer(Setting.GRAPHITE_PORT),
                    !settings.text(Setting.GRAPHITE_PROTOCOL).equalsIgnoreCase("plaintext"),
                    settings.text(Setting.GRAPHITE_PREFIX), connectTimeout, writeTimeout, threads.deadlines()));
        }
        if (!settings.isBlank(Setting.INFLUXDB_HOST)) {
            sinks.add(new InfluxDbSink(settings.text(Setting.INFLUXDB_HOST), settings.integer(Setting.INFLUXDB_PORT),
                    settings.flag(Setting.INFLUXDB_SSL),
                    settings.text(Setting.INFLUXDB_LOGIN), settings.text(Setting.INFLUXDB_PASSWORD),
                    settings.text(Setting.INFLUXDB_DATABASE), connectTimeout, writeTimeout));
        }
        return List.copyOf(sinks);
    }
}
