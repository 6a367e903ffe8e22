package org.perfbridge.sink;

import java.math.BigDecimal;

/** Writes a double at full precision, without exponent for whole numbers: {@code 42}, {@code 0.08}, {@code 1.0E-12}. */
final class NumberText {

    private NumberText() {
    }

    static String of(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return BigDecimal.valueOf(value).toBigInteger().toString();
        }
        return Double.toString(value);
    }
}
