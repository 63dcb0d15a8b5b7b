package nnlab.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nnlab.app.CostHistory;
import nnlab.app.SavedSettings;
import nnlab.app.SavedWeights;
import nnlab.data.InvalidDataException;
import nnlab.nn.NetworkShape;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Keeps the current weights, the settings and the last cost history in the browser's
 * localStorage, so that they survive a reload, and restores them at start-up with a note in
 * {@code #storage-note}. Every stored entry is untrusted when read: one that does not parse is
 * removed with a note, and a storage that cannot be used only disables saving.
 */
final class PageStorage {
    static final String WEIGHTS_KEY = "nnlab.weights";
    static final String SETTINGS_KEY = "nnlab.settings";
    static final String HISTORY_KEY = "nnlab.history";
    /** Start time of a training run, removed when the run ends; left behind by a reload. */
    static final String RUN_KEY = "nnlab.running";
    private static final int COST_DECIMALS = 4;

    private final PageElements elements;
    private final PageState state;
    /** True while restored weights are handed to the page, which must not save them again. */
    private boolean restoring;

    PageStorage(PageElements elements, PageState state) {
        this.elements = elements;
        this.state = state;
        Dom.on(elements.forgetStorageButton, "click", "Forgetting the saved data",
                event -> forget());
    }

    /** Fills the inputs with the saved settings; invalid saved values are noted and skipped. */
    void restoreSettings() {
        String text = read(SETTINGS_KEY);
        if (text == null) {
            return;
        }
        SavedSettings settings;
        try {
            settings = SavedSettings.decode(text);
        } catch (InvalidDataException e) {
            discard(SETTINGS_KEY, "settings", e);
            return;
        }
        Map<String, HTMLElement> inputs = settingInputs();
        for (String name : SavedSettings.NAMES) {
            String value = settings.value(name);
            if (value != null) {
                setValue(inputs.get(name), value);
            }
        }
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            addNote("Ignored saved settings that are not valid: " + String.join("; ", problems)
                    + ".");
        }
        updateForgetButton();
    }

    /** Makes the saved weights the current weights and notes their date, cost and accuracy. */
    void restoreWeights() {
        String text = read(WEIGHTS_KEY);
        if (text == null) {
            return;
        }
        SavedWeights saved;
        try {
            saved = SavedWeights.decode(text);
        } catch (InvalidDataException e) {
            discard(WEIGHTS_KEY, "weights", e);
            return;
        }
        String date = formatDate(saved.savedAtMillis());
        restoring = true;
        try {
            state.setWeights(saved.weights(), saved.source() + ", restored from this browser",
                    saved.cost(), saved.accuracy());
        } finally {
            restoring = false;
        }
        addNote(describeRestored(saved, date));
        updateForgetButton();
    }

    /** Returns the saved cost history, or null when there is none or it does not parse. */
    CostHistory restoreHistory() {
        String text = read(HISTORY_KEY);
        if (text == null) {
            return null;
        }
        try {
            return CostHistory.parseCsv(text);
        } catch (InvalidDataException e) {
            discard(HISTORY_KEY, "cost history", e);
            return null;
        }
    }

    /**
     * Saves the settings whenever an input changes and the weights whenever they change, and
     * marks a running training run so that the next page load can note its interruption.
     */
    void startSaving() {
        noteInterruptedRun();
        state.onTrainingChanged(() -> {
            if (state.isTraining()) {
                write(RUN_KEY, Long.toString((long) now()), "training start");
            } else {
                remove(RUN_KEY);
            }
        });
        for (HTMLElement input : settingInputs().values()) {
            Dom.on(input, "change", "Saving the settings", event -> saveSettings());
        }
        // A task of its own, because encoding the weights would lengthen the task that
        // shows a finished run.
        state.onWeightsChanged(() -> {
            if (!restoring && state.weights() != null) {
                Dom.nextTask(() -> PageErrors.guard("Saving the weights", this::saveWeights));
            }
        });
    }

    /** Notes a run that was still training when the page was closed or reloaded. */
    private void noteInterruptedRun() {
        String started = read(RUN_KEY);
        if (started == null) {
            return;
        }
        remove(RUN_KEY);
        double millis;
        try {
            millis = Double.parseDouble(started);
        } catch (NumberFormatException e) {
            millis = Double.NaN;
        }
        addNote("A training run started on " + formatDate(millis) + " was still going when the"
                + " page was closed or reloaded; its weights were lost. Any weights shown come"
                + " from before that run.");
    }

    void saveHistory(CostHistory history) {
        write(HISTORY_KEY, history.toCsv(), "cost history");
    }

    private void saveSettings() {
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, HTMLElement> input : settingInputs().entrySet()) {
            values.put(input.getKey(), getValue(input.getValue()));
        }
        write(SETTINGS_KEY, SavedSettings.encode(values), "settings");
    }

    private void saveWeights() {
        if (state.weights() == null) {
            return;
        }
        SavedWeights saved = new SavedWeights(state.weights(), state.weightsSource(), now(),
                state.weightsCost(), state.weightsAccuracy());
        if (write(WEIGHTS_KEY, saved.encode(), "weights")) {
            setNote("Saved the current weights (" + state.weightsSource() + ") in this browser;"
                    + " they come back after a reload.");
        } else {
            // Older weights left in storage would come back after a reload in place of these.
            remove(WEIGHTS_KEY);
            updateForgetButton();
        }
    }

    private void forget() {
        remove(WEIGHTS_KEY);
        remove(SETTINGS_KEY);
        remove(HISTORY_KEY);
        setNote("Removed the saved weights, settings and cost history from this browser. The"
                + " page keeps its current state until it is reloaded, and saves again when the"
                + " weights or settings change.");
        updateForgetButton();
    }

    private static String describeRestored(SavedWeights saved, String date) {
        NetworkShape shape = saved.weights().shape();
        String matrices = DataSection.describeShape(shape);
        if (!Double.isNaN(saved.cost()) && !Double.isNaN(saved.accuracy())) {
            return "Restored the weights trained on " + date + " (J = "
                    + Format.fixed(saved.cost(), COST_DECIMALS) + ", "
                    + Format.percent(saved.accuracy()) + "%; " + matrices + ") from this"
                    + " browser's storage. They are the current weights.";
        }
        return "Restored the weights from " + saved.source() + " (" + matrices + "), saved on "
                + date + ", from this browser's storage. They are the current weights.";
    }

    /** Removes an entry that does not parse and notes why, naming what it was. */
    private void discard(String key, String what, InvalidDataException error) {
        remove(key);
        addNote("Ignored the saved " + what + " in this browser's storage, which could not be"
                + " read (" + PageErrors.describe(error) + "); the entry was removed.");
    }

    private Map<String, HTMLElement> settingInputs() {
        Map<String, HTMLElement> inputs = new HashMap<>();
        inputs.put(SavedSettings.HIDDEN_UNITS, elements.hiddenUnits);
        inputs.put(SavedSettings.TRAIN_LAMBDA, elements.trainLambda);
        inputs.put(SavedSettings.ITERATIONS, elements.iterations);
        inputs.put(SavedSettings.OPTIMIZER, elements.optimizer);
        inputs.put(SavedSettings.SEED, elements.seed);
        inputs.put(SavedSettings.COST_LAMBDA, elements.lambda);
        inputs.put(SavedSettings.GRADCHECK_LAMBDA, elements.gradcheckLambda);
        return inputs;
    }

    /** Returns the value of an input or select element. */
    @JSBody(params = "element", script = "return element.value;")
    private static native String getValue(HTMLElement element);

    /** Sets the value of an input or select element; a select ignores an unknown value. */
    @JSBody(params = {"element", "value"}, script = "element.value = value;")
    private static native void setValue(HTMLElement element, String value);

    private String read(String key) {
        StorageResult result = getItem(key);
        if (result.getError() != null) {
            noteFailure("read", result.getError());
            return null;
        }
        return result.getValue();
    }

    /** Writes the entry and returns true, or notes the failure and returns false. */
    private boolean write(String key, String value, String what) {
        String error = setItem(key, value);
        if (error != null) {
            noteFailure("keep the " + what + " (" + value.length() + " characters) in", error);
            return false;
        }
        updateForgetButton();
        return true;
    }

    private void remove(String key) {
        String error = removeItem(key);
        if (error != null) {
            noteFailure("remove an entry from", error);
        }
    }

    /** Notes a storage failure unless the note already contains the same text. */
    private void noteFailure(String action, String error) {
        String text = "Could not " + action + " this browser's storage (" + error + "), so the"
                + " weights and settings may not survive a reload; export the weights as .mat"
                + " to keep them.";
        if (!elements.storageNote.getTextContent().contains(text)) {
            addNote(text);
        }
    }

    private void updateForgetButton() {
        elements.forgetStorageButton.setDisabled(!hasItems(WEIGHTS_KEY, SETTINGS_KEY,
                HISTORY_KEY));
    }

    private void setNote(String text) {
        elements.storageNote.setTextContent(text);
    }

    private void addNote(String text) {
        String current = elements.storageNote.getTextContent();
        setNote(current == null || current.isEmpty() ? text : current + " " + text);
    }

    /** The outcome of reading localStorage: the value (null when absent) or the error. */
    interface StorageResult extends JSObject {
        @JSProperty
        String getValue();

        @JSProperty
        String getError();
    }

    @JSBody(params = "key", script = "try {"
            + "  return { value: window.localStorage.getItem(key), error: null };"
            + "} catch (e) {"
            + "  var text = String(e && e.name ? e.name + ': ' + e.message : e);"
            + "  return { value: null, error: text };"
            + "}")
    private static native StorageResult getItem(String key);

    /** Returns null on success, else the error's name and message. */
    @JSBody(params = {"key", "value"}, script = "try {"
            + "  window.localStorage.setItem(key, value); return null;"
            + "} catch (e) {"
            + "  return String(e && e.name ? e.name + ': ' + e.message : e);"
            + "}")
    private static native String setItem(String key, String value);

    @JSBody(params = "key", script = "try {"
            + "  window.localStorage.removeItem(key); return null;"
            + "} catch (e) {"
            + "  return String(e && e.name ? e.name + ': ' + e.message : e);"
            + "}")
    private static native String removeItem(String key);

    @JSBody(params = {"first", "second", "third"}, script = "try {"
            + "  var s = window.localStorage;"
            + "  return s.getItem(first) !== null || s.getItem(second) !== null"
            + "      || s.getItem(third) !== null;"
            + "} catch (e) { return false; }")
    private static native boolean hasItems(String first, String second, String third);

    @JSBody(script = "return Date.now();")
    private static native double now();

    /** Formats a time in the reader's locale, such as "4 Dec 2026, 17:40". */
    @JSBody(params = "millis", script = "var date = new Date(millis);"
            + "return isNaN(date.getTime()) ? 'an unknown date'"
            + "  : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });")
    private static native String formatDate(double millis);
}
