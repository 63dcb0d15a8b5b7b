package nnlab.cli;

import nnlab.math.WholeNumbers;

/** Builds one flat JSON object of numbers and strings, keys in insertion order. */
final class Json {
    private final StringBuilder text = new StringBuilder("{");

    Json put(String key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return raw(key, "null");
        }
        if (WholeNumbers.isWhole(value) && Math.abs(value) < 1e15) {
            return raw(key, Long.toString((long) value));
        }
        return raw(key, Double.toString(value));
    }

    Json put(String key, String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return raw(key, quoted.append('"').toString());
    }

    private Json raw(String key, String value) {
        if (text.length() > 1) {
            text.append(", ");
        }
        text.append('"').append(key).append("\": ").append(value);
        return this;
    }

    @Override
    public String toString() {
        return text + "}";
    }
}
