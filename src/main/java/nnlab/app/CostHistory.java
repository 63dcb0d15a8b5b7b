package nnlab.app;

import java.util.Arrays;
import nnlab.data.InvalidDataException;
import nnlab.math.WholeNumbers;

/**
 * J(Θ) after each training iteration with the time since the run started, as the page's cost
 * chart shows it. {@link #toCsv} is both the export format and the form the page stores.
 */
public final class CostHistory {
    /** The CSV header line. */
    public static final String CSV_HEADER = "iteration,cost,elapsed_ms";
    /**
     * Maximum number of rows. A longer run keeps its first rows, so the stored text stays
     * bounded.
     */
    public static final int MAX_ROWS = 100_000;

    private int[] iterations = new int[16];
    private double[] costs = new double[16];
    private double[] elapsedMillis = new double[16];
    private int size;

    /** Number of rows. */
    public int size() {
        return size;
    }

    public int iteration(int row) {
        checkRow(row);
        return iterations[row];
    }

    public double cost(int row) {
        checkRow(row);
        return costs[row];
    }

    /** Milliseconds from the start of the run to the end of this iteration. */
    public double elapsedMillis(int row) {
        checkRow(row);
        return elapsedMillis[row];
    }

    /** Returns the last row's elapsed time, or 0 when there are no rows. */
    public double lastElapsedMillis() {
        return size == 0 ? 0 : elapsedMillis[size - 1];
    }

    /** Returns the last row's iteration, or 0 when there are no rows. */
    public int lastIteration() {
        return size == 0 ? 0 : iterations[size - 1];
    }

    /** Appends a row; does nothing once {@link #MAX_ROWS} rows are kept. */
    public void add(int iteration, double cost, double elapsedMs) {
        if (size == MAX_ROWS) {
            return;
        }
        if (size == iterations.length) {
            int capacity = Math.min(MAX_ROWS, 2 * size);
            iterations = Arrays.copyOf(iterations, capacity);
            costs = Arrays.copyOf(costs, capacity);
            elapsedMillis = Arrays.copyOf(elapsedMillis, capacity);
        }
        iterations[size] = iteration;
        costs[size] = cost;
        elapsedMillis[size] = elapsedMs;
        size++;
    }

    public void clear() {
        size = 0;
    }

    /**
     * Returns the rows as CSV: the header {@value #CSV_HEADER}, then one line per iteration,
     * each ending in '\n'. Costs keep every digit; times are rounded to 0.1 ms.
     */
    public String toCsv() {
        StringBuilder text = new StringBuilder(CSV_HEADER).append('\n');
        for (int row = 0; row < size; row++) {
            text.append(iterations[row]).append(',').append(costs[row]).append(',')
                    .append(Math.round(elapsedMillis[row] * 10) / 10.0).append('\n');
        }
        return text.toString();
    }

    /**
     * Parses text written by {@link #toCsv}.
     *
     * @throws InvalidDataException naming the line for a missing header, a line without three
     *     fields, a number that does not parse, or more than {@link #MAX_ROWS} rows
     */
    public static CostHistory parseCsv(String text) {
        String[] lines = KeyValueText.split(text, '\n');
        if (!lines[0].trim().equals(CSV_HEADER)) {
            throw new InvalidDataException("the saved cost history starts with \""
                    + KeyValueText.shorten(lines[0]) + "\" instead of \"" + CSV_HEADER + "\"");
        }
        CostHistory history = new CostHistory();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            if (history.size == MAX_ROWS) {
                throw new InvalidDataException("the saved cost history has more than "
                        + MAX_ROWS + " rows");
            }
            String[] fields = KeyValueText.split(line, ',');
            if (fields.length != 3) {
                throw new InvalidDataException("line " + (i + 1) + " of the saved cost history"
                        + " has " + fields.length + " fields instead of 3: \""
                        + KeyValueText.shorten(line) + "\"");
            }
            String where = "line " + (i + 1) + " of the saved cost history";
            double iteration = KeyValueText.parseNumber(fields[0], "iteration", where);
            if (!WholeNumbers.isWhole(iteration) || iteration < 0 || iteration > 1e9) {
                throw new InvalidDataException(where + " has iteration " + fields[0]
                        + ", which is not a whole number 0..1000000000");
            }
            history.add((int) iteration, parseCost(fields[1], where),
                    KeyValueText.parseNumber(fields[2], "elapsed_ms", where));
        }
        return history;
    }

    /** Accepts NaN and infinities too, because a diverging run reports them as its cost. */
    private static double parseCost(String text, String where) {
        String trimmed = text.trim();
        if (trimmed.equals("NaN") || trimmed.equals("Infinity") || trimmed.equals("-Infinity")) {
            return Double.parseDouble(trimmed);
        }
        return KeyValueText.parseNumber(trimmed, "cost", where);
    }

    private void checkRow(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of a cost history with " + size
                    + " rows");
        }
    }
}
