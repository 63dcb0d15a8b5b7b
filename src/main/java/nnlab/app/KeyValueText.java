package nnlab.app;

import java.util.LinkedHashMap;
import java.util.Map;
import nnlab.data.InvalidDataException;

/**
 * The text format of the entries the page keeps in the browser's storage: a first line naming
 * the format and its version, then one {@code key=value} line per field. Values are single lines;
 * {@link #format} replaces control characters in them with spaces.
 */
final class KeyValueText {
    private KeyValueText() {
    }

    /**
     * Splits text at every {@code separator}, keeping empty fields, as {@code split} with a
     * limit of -1 does. Written out because String.split brings TeaVM's regular-expression
     * classes into the page, about 150 KB of JavaScript.
     */
    static String[] split(String text, char separator) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts.toArray(new String[0]);
    }

    /** Formats the header line and the fields in map order. */
    static String format(String header, Map<String, String> fields) {
        StringBuilder text = new StringBuilder(header).append('\n');
        for (Map.Entry<String, String> field : fields.entrySet()) {
            text.append(field.getKey()).append('=').append(singleLine(field.getValue()))
                    .append('\n');
        }
        return text.toString();
    }

    /**
     * Parses text written by {@link #format}.
     *
     * @param text the stored text, at most {@code maxChars} characters
     * @param header the first line the text must have
     * @param what the entry's name for messages, such as "the saved weights"
     * @return the fields in file order; a repeated key keeps its last value
     * @throws InvalidDataException when the text is too long, has another first line, or has a
     *     line without '='
     */
    static Map<String, String> parse(String text, String header, String what, int maxChars) {
        if (text.length() > maxChars) {
            throw new InvalidDataException(what + " have " + text.length()
                    + " characters, more than the " + maxChars + " expected");
        }
        String[] lines = split(text, '\n');
        if (!lines[0].equals(header)) {
            throw new InvalidDataException(what + " start with \"" + shorten(lines[0])
                    + "\" instead of \"" + header + "\", so another program or version wrote"
                    + " them");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new InvalidDataException(what + " have no key=value at line " + (i + 1)
                        + ": \"" + shorten(line) + "\"");
            }
            fields.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return fields;
    }

    /** Returns the field's value, or throws naming the missing key. */
    static String require(Map<String, String> fields, String key, String what) {
        String value = fields.get(key);
        if (value == null) {
            throw new InvalidDataException(what + " have no field \"" + key + "\"");
        }
        return value;
    }

    /** Parses a finite number, or throws naming the field. */
    static double parseNumber(String value, String key, String what) {
        double number;
        try {
            number = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            number = Double.NaN;
        }
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            throw new InvalidDataException(key + " in " + what + " is \"" + shorten(value)
                    + "\", which is not a finite number");
        }
        return number;
    }

    /** Returns the text cut to 40 characters, for quoting stored text in messages. */
    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static String singleLine(String value) {
        StringBuilder line = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            line.append(c < ' ' || c == 0x7F ? ' ' : c);
        }
        return line.toString();
    }
}
