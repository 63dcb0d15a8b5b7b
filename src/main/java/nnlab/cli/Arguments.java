package nnlab.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Options of the form {@code --name value} after the command word, checked against a list. */
final class Arguments {
    private final String command;
    private final Map<String, String> values = new HashMap<>();

    private Arguments(String command) {
        this.command = command;
    }

    /** Parses {@code --name value} pairs, rejecting names outside {@code allowed} and repeats. */
    static Arguments parse(String command, List<String> words, Set<String> allowed) {
        Arguments arguments = new Arguments(command);
        for (int i = 0; i < words.size(); i += 2) {
            String name = words.get(i);
            if (!name.startsWith("--") || !allowed.contains(name.substring(2))) {
                throw new UsageException("Unknown option '" + name + "' for " + command
                        + "; accepted: " + describe(allowed));
            }
            if (i + 1 >= words.size()) {
                throw new UsageException("Option " + name + " needs a value");
            }
            if (arguments.values.put(name.substring(2), words.get(i + 1)) != null) {
                throw new UsageException("Option " + name + " is given twice");
            }
        }
        return arguments;
    }

    private static String describe(Set<String> allowed) {
        StringBuilder text = new StringBuilder();
        allowed.stream().sorted().forEach(name -> text.append(text.length() == 0 ? "" : ", ")
                .append("--").append(name));
        return text.length() == 0 ? "none" : text.toString();
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new UsageException(command + " needs --" + name);
        }
        return value;
    }

    double number(String name, double fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (Double.isNaN(parsed) || Double.isInfinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a finite number, found '" + value
                    + "'");
        }
    }

    /** Parses a comma-separated list of whole numbers in min..max, such as "50,25". */
    int[] sizes(String name, int fallback, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return new int[] {fallback};
        }
        String[] parts = value.split(",", -1);
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be whole numbers separated by"
                        + " commas, such as 25 or 50,25, found '" + value + "'");
            }
            if (sizes[i] < min || sizes[i] > max) {
                throw new UsageException("--" + name + " values must be in " + min + ".." + max
                        + ", found " + sizes[i]);
            }
        }
        return sizes;
    }

    long integer(String name, long fallback, long min, long max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < min || parsed > max) {
                throw new UsageException("--" + name + " must be in " + min + ".." + max
                        + ", found " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, found '" + value
                    + "'");
        }
    }
}
