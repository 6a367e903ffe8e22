package org.perfbridge.web;

import jakarta.ws.rs.WebApplicationException;
import org.perfbridge.config.Setting;
import org.perfbridge.config.Settings;

/** The {@code page} and {@code max_results} query parameters, checked: pages count from 1. */
record Paging(int page, int maxResults) {

    private static final int DEFAULT_MAX_RESULTS = 25;

    static Paging of(String page, String maxResults) {
        int limit = Settings.fromServer().integer(Setting.API_MAX_PAGE_SIZE);
        int pageNumber = positive("page", page, 1, Integer.MAX_VALUE);
        int size = positive("max_results", maxResults, DEFAULT_MAX_RESULTS, limit);
        if ((long) (pageNumber - 1) * size > Integer.MAX_VALUE) {
            throw new WebApplicationException(ApiError.of(400, "page " + pageNumber + " is too far"));
        }
        return new Paging(pageNumber, size);
    }

    private static int positive(String name, String text, int fallback, int limit) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= limit) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, with the reason
        }
        throw new WebApplicationException(ApiError.of(400, name + " must be a whole number from 1 to " + limit + ", not '" + text + "'"));
    }
}
