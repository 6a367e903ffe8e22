package org.perfbridge.perfdata;

/**
 * A Nagios threshold range. {@code low == null} means negative infinity ({@code ~}),
 * {@code high == null} positive infinity. {@code inside} is the {@code @} prefix (alert inside the range).
 * {@code plainNumber} marks a threshold written as a bare number, e.g. {@code 10}: Nagios reads it as
 * {@code 0:10}, but graphs show it as the single number, so {@code high} holds it.
 */
public record Threshold(Double low, Double high, boolean inside, boolean plainNumber) {

    public static Threshold plain(double number) {
        return new Threshold(0.0, number, false, true);
    }

    public static Threshold range(Double low, Double high, boolean inside) {
        return new Threshold(low, high, inside, false);
    }
}
