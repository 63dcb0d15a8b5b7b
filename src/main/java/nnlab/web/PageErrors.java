package nnlab.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The page's error line {@code #error}: it shows the text of the latest failure, so a bad file, a
 * worker failure or a bug is visible while the page keeps its data and weights.
 */
final class PageErrors {
    private static HTMLElement element;

    private PageErrors() {
    }

    /** Shows errors in {@code errorElement} from now on, including uncaught ones. */
    static void install(HTMLElement errorElement) {
        element = errorElement;
        listenForUncaught(PageErrors::show);
    }

    /** Shows the text as the latest error; as text, never as HTML. */
    static void show(String text) {
        logError(text);
        if (element != null) {
            element.setTextContent(text);
        }
    }

    /** Shows an exception's message, prefixed by what was being done. */
    static void show(String context, Throwable error) {
        show(context + ": " + describe(error));
    }

    /** Empties the error line; called when the user starts a new action. */
    static void clear() {
        if (element != null) {
            element.setTextContent("");
        }
    }

    /** Runs an event handler and shows, rather than loses, the exception it throws. */
    static void guard(String context, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            show(context, e);
        }
    }

    /** Returns the message of an exception, or its class name when it has none. */
    static String describe(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isEmpty()) {
            return error.getClass().getName();
        }
        return message;
    }

    @JSBody(params = "text", script = "console.warn(text);")
    private static native void logError(String text);

    @JSBody(params = "handler", script = "window.addEventListener('error', function(event) {"
            + "  handler('Unexpected error: ' + (event.message || event.type));"
            + "});"
            + "window.addEventListener('unhandledrejection', function(event) {"
            + "  handler('Unexpected error: ' + String(event.reason));"
            + "});")
    private static native void listenForUncaught(TextHandler handler);

    /** A JS function that takes one string. */
    @JSFunctor
    interface TextHandler extends JSObject {
        void handle(String text);
    }
}
