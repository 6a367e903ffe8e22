package org.perfbridge.it.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal, self-contained JSON reader (no dependencies) for the small responses of the
 * InfluxDB HTTP API and of {@code whisper-fetch --json}.
 *
 * <p>Result types: object -&gt; {@code Map<String,Object>} (insertion ordered), array -&gt;
 * {@code List<Object>}, string -&gt; {@code String}, true/false -&gt; {@code Boolean}, null -&gt;
 * {@code null}, number -&gt; {@code Long} when written without fraction/exponent and in range,
 * otherwise {@code Double}.
 *
 * <p>Lenient on purpose: also accepts the Python spellings {@code nan}, {@code inf},
 * {@code -inf} (whisper-fetch prints Python's {@code str(list)} with only None replaced)
 * as well as {@code NaN}, {@code Infinity}, {@code -Infinity}.
 */
public final class MiniJson {

    private final String s;
    private int pos;

    private MiniJson(String s) {
        this.s = s;
    }

    public static Object parse(String json) {
        MiniJson p = new MiniJson(json);
        p.ws();
        Object v = p.value();
        p.ws();
        if (p.pos != p.s.length()) {
            throw p.error("trailing characters");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String json) {
        Object v = parse(json);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("JSON is not an object: " + abbreviate(json));
        }
        return (Map<String, Object>) v;
    }

    static String abbreviate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "...";
    }

    private Object value() {
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    if (s.startsWith("-inf", pos) || s.startsWith("-Infinity", pos)) {
                        pos += s.startsWith("-Infinity", pos) ? 9 : 4;
                        return Double.NEGATIVE_INFINITY;
                    }
                    return number();
                }
                return literal();
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        pos++; // {
        ws();
        if (peek() == '}') {
            pos++;
            return m;
        }
        while (true) {
            ws();
            if (peek() != '"') {
                throw error("expected string key");
            }
            String key = string();
            ws();
            expect(':');
            ws();
            m.put(key, value());
            ws();
            char c = next();
            if (c == '}') {
                return m;
            }
            if (c != ',') {
                throw error("expected , or }");
            }
        }
    }

    private List<Object> array() {
        List<Object> l = new ArrayList<>();
        pos++; // [
        ws();
        if (peek() == ']') {
            pos++;
            return l;
        }
        while (true) {
            ws();
            l.add(value());
            ws();
            char c = next();
            if (c == ']') {
                return l;
            }
            if (c != ',') {
                throw error("expected , or ]");
            }
        }
    }

    private String string() {
        pos++; // "
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"': b.append('"'); break;
                case '\\': b.append('\\'); break;
                case '/': b.append('/'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 't': b.append('\t'); break;
                case 'u':
                    if (pos + 4 > s.length()) {
                        throw error("bad \\u escape");
                    }
                    b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    pos += 4;
                    break;
                default:
                    throw error("bad escape \\" + e);
            }
        }
    }

    private Object number() {
        int start = pos;
        boolean integral = true;
        if (peek() == '-') {
            pos++;
        }
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c >= '0' && c <= '9') {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                integral = false;
                pos++;
            } else {
                break;
            }
        }
        String t = s.substring(start, pos);
        if (integral) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException ignored) {
                // too large for long: fall through to double
            }
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw error("bad number '" + t + "'");
        }
    }

    private Object literal() {
        String[] words = {"true", "false", "null", "None", "NaN", "nan", "Infinity", "inf"};
        Object[] values = {Boolean.TRUE, Boolean.FALSE, null, null, Double.NaN, Double.NaN,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int i = 0; i < words.length; i++) {
            if (s.startsWith(words[i], pos)) {
                pos += words[i].length();
                return values[i];
            }
        }
        throw error("unexpected character '" + peek() + "'");
    }

    private void ws() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) {
            pos--;
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String msg) {
        return new IllegalArgumentException("Invalid JSON at offset " + pos + ": " + msg + " in: " + abbreviate(s));
    }
}
