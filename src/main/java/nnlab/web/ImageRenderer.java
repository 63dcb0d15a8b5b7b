package nnlab.web;

import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.typedarrays.Uint8ClampedArray;

/**
 * Draws square gray images stored as the course stores them: pixel (row r, column c) of an image
 * of side s is element c*s + r of its unrolled vector. Used for the digit samples, the
 * misclassified digits, the hidden units and the drawing's network input.
 */
final class ImageRenderer {
    /** Gray level of the gaps between tiles. */
    private static final int GAP_LEVEL = 96;

    private ImageRenderer() {
    }

    /**
     * Draws {@code starts.length} images as tiles in rows of {@code columns}, one pixel apart, and
     * resizes the canvas to fit. Pixel p of tile t is {@code values[starts[t] + p * step]}; each
     * tile is scaled from its own min..max to black..white, as the course's displayData does.
     */
    static void drawTiles(HTMLCanvasElement canvas, double[] values, int[] starts, int step,
            int side, int columns) {
        int rows = Math.max(1, (starts.length + columns - 1) / columns);
        int width = columns * (side + 1) + 1;
        int height = rows * (side + 1) + 1;
        canvas.setWidth(width);
        canvas.setHeight(height);
        CanvasRenderingContext2D context = (CanvasRenderingContext2D) canvas.getContext("2d");
        ImageData image = context.createImageData(width, height);
        Uint8ClampedArray pixels = image.getData();
        for (int p = 0; p < width * height; p++) {
            setGray(pixels, p, GAP_LEVEL);
        }
        for (int t = 0; t < starts.length; t++) {
            int left = 1 + (t % columns) * (side + 1);
            int top = 1 + (t / columns) * (side + 1);
            writeTile(pixels, width, left, top, values, starts[t], step, side, true);
        }
        context.putImageData(image, 0, 0);
    }

    /**
     * Draws one image filling a canvas of side x side pixels. With {@code ownRange} it is scaled
     * from its min..max, otherwise values 0..1 map to black..white.
     */
    static void drawImage(HTMLCanvasElement canvas, double[] values, int start, int step,
            int side, boolean ownRange) {
        canvas.setWidth(side);
        canvas.setHeight(side);
        CanvasRenderingContext2D context = (CanvasRenderingContext2D) canvas.getContext("2d");
        ImageData image = context.createImageData(side, side);
        writeTile(image.getData(), side, 0, 0, values, start, step, side, ownRange);
        context.putImageData(image, 0, 0);
    }

    /** Fills the canvas with black. */
    static void clear(HTMLCanvasElement canvas) {
        CanvasRenderingContext2D context = (CanvasRenderingContext2D) canvas.getContext("2d");
        context.setFillStyle("#000");
        context.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    }

    private static void writeTile(Uint8ClampedArray pixels, int width, int left, int top,
            double[] values, int start, int step, int side, boolean ownRange) {
        double low = 0;
        double high = 1;
        if (ownRange) {
            low = Double.POSITIVE_INFINITY;
            high = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < side * side; p++) {
                double value = values[start + p * step];
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }
        double scale = high > low ? 255 / (high - low) : 0;
        for (int c = 0; c < side; c++) {
            for (int r = 0; r < side; r++) {
                double value = values[start + (c * side + r) * step];
                int level = (int) Math.round((value - low) * scale);
                setGray(pixels, (top + r) * width + left + c, Math.max(0, Math.min(255, level)));
            }
        }
    }

    private static void setGray(Uint8ClampedArray pixels, int pixel, int level) {
        int offset = 4 * pixel;
        pixels.set(offset, level);
        pixels.set(offset + 1, level);
        pixels.set(offset + 2, level);
        pixels.set(offset + 3, 255);
    }
}
