package org.perfbridge.json;

import static org.perfbridge.json.JsonFactory.JSON;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider perfbridge uses. {@code jakarta.json.JSON.createXxx()} looks the provider up anew with
 * a ServiceLoader on every call, which showed as class-path scanning on every request in the profile.
 */
public final class JsonFactory {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonFactory() {
    }
}
