package nnlab.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * Bindings to Chart.js 4 (the global {@code Chart} of vendor/chartjs/chart.umd.js). Each chart
 * of the page has a factory with its configuration and the setters its section needs.
 */
final class Charts {
    private Charts() {
    }

    /** A Chart.js chart instance. */
    interface Chart extends JSObject {
        /** Redraws after a data change; mode "none" skips the animation. */
        void update(String mode);

        void destroy();
    }

    /** Throws when the Chart.js script did not load, naming the file to check. */
    static void requireChartJs() {
        if (!isLoaded()) {
            throw new IllegalStateException("Chart.js did not load: vendor/chartjs/chart.umd.js"
                    + " is missing from the site; rebuild it with mvn package");
        }
        setDefaults();
    }

    @JSBody(script = "return typeof Chart === 'function';")
    private static native boolean isLoaded();

    @JSBody(script = "Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;"
            + "Chart.defaults.color = '#374151';"
            + "Chart.defaults.animation = false;"
            + "Chart.defaults.maintainAspectRatio = false;")
    private static native void setDefaults();

    /** A line chart of J(Θ) against the iteration, one point per iteration, empty at first. */
    @JSBody(params = "canvas", script = "return new Chart(canvas, {"
            + "  type: 'line',"
            + "  data: { datasets: [{ label: 'J(Θ)', data: [], borderColor: '#2563eb',"
            + "    backgroundColor: '#2563eb', pointRadius: 2, borderWidth: 2 }] },"
            + "  options: { parsing: false, normalized: true,"
            + "    scales: {"
            + "      x: { type: 'linear', title: { display: true, text: 'iteration' },"
            + "        ticks: { precision: 0 } },"
            + "      y: { title: { display: true, text: 'J(Θ)' } } },"
            + "    plugins: { legend: { display: false } } }"
            + "});")
    static native Chart costChart(HTMLCanvasElement canvas);

    /** Appends the point (x, y) to the first data set; call update afterwards. */
    @JSBody(params = {"chart", "x", "y"},
            script = "chart.data.datasets[0].data.push({ x: x, y: y });")
    static native void addPoint(Chart chart, double x, double y);

    /** Removes every point of the first data set and redraws. */
    @JSBody(params = "chart", script = "chart.data.datasets[0].data = []; chart.update('none');")
    static native void clearPoints(Chart chart);

    @JSBody(params = "chart", script = "return chart.data.datasets[0].data.length;")
    static native int pointCount(Chart chart);

    /** Defines window.nnlab.costHistory(), which returns the y values of the cost chart. */
    @JSBody(params = "chart", script = "window.nnlab = window.nnlab || {};"
            + "window.nnlab.costHistory = function() {"
            + "  return chart.data.datasets[0].data.map(function(point) { return point.y; });"
            + "};")
    static native void exposeCostHistory(Chart chart);

    /** A scatter plot of numerical against analytic gradient components, with the line y = x. */
    @JSBody(params = "canvas", script = "return new Chart(canvas, {"
            + "  type: 'scatter',"
            + "  data: { datasets: ["
            + "    { label: 'components', data: [], backgroundColor: '#2563eb', pointRadius: 4 },"
            + "    { type: 'line', label: 'y = x', data: [], borderColor: '#9ca3af',"
            + "      borderDash: [6, 4], pointRadius: 0, borderWidth: 1 }] },"
            + "  options: { scales: {"
            + "    x: { type: 'linear',"
            + "      title: { display: true, text: 'analytic (backpropagation)' } },"
            + "    y: { title: { display: true, text: 'numerical (central differences)' } } } }"
            + "});")
    static native Chart gradientScatter(HTMLCanvasElement canvas);

    /** Shows the components (analytic[i], numerical[i]) and y = x across their range. */
    @JSBody(params = {"chart", "analytic", "numerical"}, script = "var points = [];"
            + "var low = Infinity, high = -Infinity;"
            + "for (var i = 0; i < analytic.length; i++) {"
            + "  points.push({ x: analytic[i], y: numerical[i] });"
            + "  low = Math.min(low, analytic[i], numerical[i]);"
            + "  high = Math.max(high, analytic[i], numerical[i]);"
            + "}"
            + "chart.data.datasets[0].data = points;"
            + "chart.data.datasets[1].data = [{ x: low, y: low }, { x: high, y: high }];"
            + "chart.update('none');")
    static native void setGradientPoints(Chart chart, double[] analytic, double[] numerical);

    /** A bar chart of each component's difference numerical - analytic. */
    @JSBody(params = "canvas", script = "return new Chart(canvas, {"
            + "  type: 'bar',"
            + "  data: { labels: [], datasets: [{ label: 'numerical − analytic', data: [],"
            + "    backgroundColor: '#ea580c' }] },"
            + "  options: { plugins: { legend: { display: false } },"
            + "    scales: {"
            + "      x: { title: { display: true, text: 'component' } },"
            + "      y: { title: { display: true, text: 'numerical − analytic' },"
            + "        ticks: { callback: function(value) {"
            + "          return value === 0 ? '0' : Number(value).toExponential(1); } } } } }"
            + "});")
    static native Chart differenceBars(HTMLCanvasElement canvas);

    /** A bar chart of the ten output probabilities, labelled by digit. */
    @JSBody(params = "canvas", script = "return new Chart(canvas, {"
            + "  type: 'bar',"
            + "  data: { labels: [], datasets: [{ label: 'h(x)', data: [],"
            + "    backgroundColor: '#ea580c' }] },"
            + "  options: { plugins: { legend: { display: false } },"
            + "    scales: {"
            + "      x: { title: { display: true, text: 'digit' } },"
            + "      y: { min: 0, max: 1, title: { display: true, text: 'output h(x)' } } } }"
            + "});")
    static native Chart probabilityBars(HTMLCanvasElement canvas);

    /**
     * Replaces the bars of the first data set; the bar at {@code highlight} (or none, for -1)
     * gets the accent color.
     */
    @JSBody(params = {"chart", "labels", "values", "highlight"}, script = "var colors = [];"
            + "for (var i = 0; i < values.length; i++) {"
            + "  colors.push(i === highlight ? '#2563eb' : '#ea580c');"
            + "}"
            + "chart.data.labels = labels;"
            + "chart.data.datasets[0].data = values;"
            + "if (highlight >= 0) { chart.data.datasets[0].backgroundColor = colors; }"
            + "chart.update('none');")
    static native void setBars(Chart chart, String[] labels, double[] values, int highlight);

    /** Removes every bar and redraws. */
    @JSBody(params = "chart", script = "chart.data.labels = [];"
            + "chart.data.datasets[0].data = []; chart.update('none');")
    static native void clearBars(Chart chart);
}
