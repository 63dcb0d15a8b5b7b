package nnlab.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.PointerInput.MouseButton;
import org.openqa.selenium.interactions.PointerInput.Origin;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * Draws on a canvas with W3C mouse actions, which Chromium delivers as pointerdown, many
 * pointermove and pointerup events, as a person's mouse would. Points are fractions of the
 * canvas's displayed width and height: (0, 0) is the top-left corner, (1, 1) the bottom-right.
 */
final class CanvasPen {
    /** Longest single pointer move in CSS pixels, so a stroke arrives as many small moves. */
    private static final double MAX_STEP_PIXELS = 3;
    private static final Duration STEP_DURATION = Duration.ofMillis(5);

    private final RemoteWebDriver driver;
    private final WebElement canvas;

    CanvasPen(RemoteWebDriver driver, WebElement canvas) {
        this.driver = driver;
        this.canvas = canvas;
    }

    /** A straight stroke from (x0, y0) to (x1, y1). */
    static double[][] line(double x0, double y0, double x1, double y1) {
        return new double[][] {{x0, y0}, {x1, y1}};
    }

    /**
     * A closed ellipse of {@code points} points around (cx, cy) with radii rx and ry, starting at
     * the top and going counter-clockwise as most people draw a 0.
     */
    static double[][] ellipse(double cx, double cy, double rx, double ry, int points) {
        double[][] path = new double[points + 1][];
        for (int i = 0; i <= points; i++) {
            double angle = -Math.PI / 2 - 2 * Math.PI * i / points;
            path[i] = new double[] {cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)};
        }
        return path;
    }

    /** Draws each stroke with the button held, releasing it between strokes. */
    void draw(double[][]... strokes) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'});", canvas);
        Dimension size = canvas.getSize();
        PointerInput mouse = new PointerInput(PointerInput.Kind.MOUSE, "pen");
        Sequence sequence = new Sequence(mouse, 0);
        for (double[][] stroke : strokes) {
            List<int[]> path = densify(stroke, size);
            int[] start = path.get(0);
            sequence.addAction(mouse.createPointerMove(Duration.ZERO, Origin.fromElement(canvas),
                    start[0], start[1]));
            sequence.addAction(mouse.createPointerDown(MouseButton.LEFT.asArg()));
            for (int[] point : path.subList(1, path.size())) {
                sequence.addAction(mouse.createPointerMove(STEP_DURATION,
                        Origin.fromElement(canvas), point[0], point[1]));
            }
            sequence.addAction(mouse.createPointerUp(MouseButton.LEFT.asArg()));
        }
        driver.perform(List.of(sequence));
    }

    /**
     * Converts fractions to offsets from the canvas centre (the origin W3C actions use for an
     * element) and inserts points so no move is longer than MAX_STEP_PIXELS.
     */
    private static List<int[]> densify(double[][] stroke, Dimension size) {
        List<int[]> path = new ArrayList<>();
        for (int i = 0; i < stroke.length; i++) {
            double x = (stroke[i][0] - 0.5) * size.getWidth();
            double y = (stroke[i][1] - 0.5) * size.getHeight();
            if (i == 0) {
                path.add(new int[] {(int) Math.round(x), (int) Math.round(y)});
                continue;
            }
            double px = (stroke[i - 1][0] - 0.5) * size.getWidth();
            double py = (stroke[i - 1][1] - 0.5) * size.getHeight();
            int steps = (int) Math.max(1, Math.ceil(Math.hypot(x - px, y - py) / MAX_STEP_PIXELS));
            for (int s = 1; s <= steps; s++) {
                double t = (double) s / steps;
                path.add(new int[] {(int) Math.round(px + t * (x - px)),
                        (int) Math.round(py + t * (y - py))});
            }
        }
        return path;
    }
}
