package org.perfbridge.ingest;

import java.util.Locale;
import java.util.Optional;

/**
 * Characters no string field of a check result may hold. A control character cannot go into a Graphite path or an
 * InfluxDB tag, and a terminal or log viewer obeys it; a lone UTF-16 surrogate is no Unicode text, so UTF-8 and
 * BSON could only replace it. Free text (output, perfdata) keeps its tabs and line breaks.
 */
final class UnsafeCharacters {

    private UnsafeCharacters() {
    }

    /** Why the value cannot be stored as it is, or empty when it can. */
    static Optional<String> problemIn(String value, boolean freeText) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(freeText && isTabOrLineBreak(c))) {
                return Optional.of("must not contain the control character " + codePoint(c)
                        + (freeText ? " (of them only tab, line feed and carriage return are accepted)" : ""));
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain " + codePoint(c) + ", half of a UTF-16 surrogate pair without its other half");
            }
        }
        return Optional.empty();
    }

    private static boolean isTabOrLineBreak(char c) {
        return c == '\t' || c == '\n' || c == '\r';
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
