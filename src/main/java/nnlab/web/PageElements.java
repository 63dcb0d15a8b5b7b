package nnlab.web;

import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * Every element of index.html that the code uses, looked up once at start-up. The ids are the
 * contract between index.html, this class and the browser tests; a missing one fails at once
 * with its name.
 */
final class PageElements {
    final HTMLElement error;
    final HTMLElement storageNote;
    final HTMLButtonElement forgetStorageButton;

    final HTMLCanvasElement sampleGrid;
    final HTMLButtonElement otherSamplesButton;
    final HTMLInputElement dataFile;
    final HTMLInputElement weightsFile;
    final HTMLElement dataDrop;
    final HTMLElement weightsDrop;
    final HTMLElement dataSummary;
    final HTMLElement weightsSummary;
    final HTMLButtonElement exportWeightsButton;

    final HTMLInputElement lambda;
    final HTMLElement costValue;
    final HTMLElement unregularizedCostValue;
    final HTMLElement accuracyValue;
    final HTMLElement costStatus;

    final HTMLInputElement gradcheckLambda;
    final HTMLButtonElement gradcheckButton;
    final HTMLElement gradcheckDifference;
    final HTMLElement gradcheckVerdict;
    final HTMLElement gradcheckTable;
    final HTMLCanvasElement gradcheckScatter;
    final HTMLCanvasElement gradcheckBars;

    final HTMLInputElement hiddenUnits;
    final HTMLInputElement trainLambda;
    final HTMLInputElement iterations;
    final HTMLSelectElement optimizer;
    final HTMLInputElement seed;
    final HTMLButtonElement trainButton;
    final HTMLButtonElement stopButton;
    final HTMLButtonElement continueButton;
    final HTMLButtonElement exportHistoryButton;
    final HTMLElement trainIteration;
    final HTMLElement trainElapsed;
    final HTMLElement trainCost;
    final HTMLElement trainStatus;
    final HTMLCanvasElement costChart;
    final HTMLElement costPoints;
    final HTMLElement trainResults;
    final HTMLElement trainAccuracy;
    final HTMLElement classAccuracy;
    final HTMLElement confusionMatrix;
    final HTMLElement misclassified;
    final HTMLElement misclassifiedNote;
    final HTMLCanvasElement hiddenUnitsCanvas;
    final HTMLElement hiddenUnitsNote;

    final HTMLCanvasElement drawCanvas;
    final HTMLButtonElement clearButton;
    final HTMLElement prediction;
    final HTMLCanvasElement probabilityChart;
    final HTMLCanvasElement networkInput;
    final HTMLElement drawNote;
    final HTMLElement drawHint;

    /** Looks up every element; throws IllegalStateException naming the first missing id. */
    PageElements(HTMLDocument document) {
        error = find(document, "error");
        storageNote = find(document, "storage-note");
        forgetStorageButton = find(document, "forget-storage-button");

        sampleGrid = find(document, "sample-grid");
        otherSamplesButton = find(document, "other-samples-button");
        dataFile = find(document, "data-file");
        weightsFile = find(document, "weights-file");
        dataDrop = find(document, "data-drop");
        weightsDrop = find(document, "weights-drop");
        dataSummary = find(document, "data-summary");
        weightsSummary = find(document, "weights-summary");
        exportWeightsButton = find(document, "export-weights-button");

        lambda = find(document, "lambda");
        costValue = find(document, "cost-value");
        unregularizedCostValue = find(document, "unregularized-cost-value");
        accuracyValue = find(document, "accuracy-value");
        costStatus = find(document, "cost-status");

        gradcheckLambda = find(document, "gradcheck-lambda");
        gradcheckButton = find(document, "gradcheck-button");
        gradcheckDifference = find(document, "gradcheck-difference");
        gradcheckVerdict = find(document, "gradcheck-verdict");
        gradcheckTable = find(document, "gradcheck-table");
        gradcheckScatter = find(document, "gradcheck-scatter");
        gradcheckBars = find(document, "gradcheck-bars");

        hiddenUnits = find(document, "hidden-units");
        trainLambda = find(document, "train-lambda");
        iterations = find(document, "iterations");
        optimizer = find(document, "optimizer");
        seed = find(document, "seed");
        trainButton = find(document, "train-button");
        stopButton = find(document, "stop-button");
        continueButton = find(document, "continue-button");
        exportHistoryButton = find(document, "export-history-button");
        trainIteration = find(document, "train-iteration");
        trainElapsed = find(document, "train-elapsed");
        trainCost = find(document, "train-cost");
        trainStatus = find(document, "train-status");
        costChart = find(document, "cost-chart");
        costPoints = find(document, "cost-points");
        trainResults = find(document, "train-results");
        trainAccuracy = find(document, "train-accuracy");
        classAccuracy = find(document, "class-accuracy");
        confusionMatrix = find(document, "confusion-matrix");
        misclassified = find(document, "misclassified");
        misclassifiedNote = find(document, "misclassified-note");
        hiddenUnitsCanvas = find(document, "hidden-units-canvas");
        hiddenUnitsNote = find(document, "hidden-units-note");

        drawCanvas = find(document, "draw-canvas");
        clearButton = find(document, "clear-button");
        prediction = find(document, "prediction");
        probabilityChart = find(document, "probability-chart");
        networkInput = find(document, "network-input");
        drawNote = find(document, "draw-note");
        drawHint = find(document, "draw-hint");
    }

    @SuppressWarnings("unchecked")
    private static <T extends HTMLElement> T find(HTMLDocument document, String id) {
        HTMLElement element = document.getElementById(id);
        if (element == null) {
            throw new IllegalStateException("index.html has no element with id \"" + id
                    + "\", which the page needs; restore it");
        }
        return (T) element;
    }
}
