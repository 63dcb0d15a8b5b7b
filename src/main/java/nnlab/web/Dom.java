package nnlab.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventTarget;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.file.File;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.typedarrays.Int8Array;

/** Small DOM operations that the sections share: elements, events, files and images. */
final class Dom {
    private Dom() {
    }

    static HTMLDocument document() {
        return Window.current().getDocument();
    }

    /** Creates an element with a class (or null) and a text (or null), set as text. */
    static HTMLElement create(String tag, String className, String text) {
        HTMLElement element = document().createElement(tag);
        if (className != null) {
            element.setClassName(className);
        }
        if (text != null) {
            element.setTextContent(text);
        }
        return element;
    }

    static HTMLCanvasElement createCanvas(int width, int height) {
        HTMLCanvasElement canvas = (HTMLCanvasElement) document().createElement("canvas");
        canvas.setWidth(width);
        canvas.setHeight(height);
        return canvas;
    }

    /** Removes every child of the element. */
    @JSBody(params = "element", script = "element.replaceChildren();")
    static native void clear(HTMLElement element);

    /**
     * Adds a listener whose exceptions land in {@code #error}, named by {@code context}, instead
     * of being lost in the console.
     */
    static void on(EventTarget target, String type, String context, EventHandler handler) {
        target.addEventListener(type, event -> PageErrors.guard(context,
                () -> handler.handle(event)));
    }

    /** Adds the class to the element when {@code present}, removes it otherwise. */
    @JSBody(params = {"element", "name", "present"},
            script = "element.classList.toggle(name, present);")
    static native void setClass(HTMLElement element, String name, boolean present);

    /** Sets {@code data-NAME} on the body, which tests read. */
    @JSBody(params = {"name", "value"}, script = "document.body.dataset[name] = value;")
    static native void setBodyData(String name, String value);

    /** Returns the input's value as a number, NaN when it is empty or not a number. */
    @JSBody(params = "input", script = "var text = input.value.trim();"
            + "return text === '' ? NaN : Number(text);")
    static native double numberValue(HTMLInputElement input);

    /**
     * Quotes a number input's text for an error message. A number input reports text it cannot
     * read as a number (such as "abc" or 1e309) as empty, so an empty value is named as such.
     */
    static String quoteInput(HTMLInputElement input) {
        String value = input.getValue();
        return value.isEmpty() ? "an empty field or text that is not a number"
                : "\"" + value + "\"";
    }

    /** Returns the first file of the input's selection, or null. */
    @JSBody(params = "input", script = "return input.files && input.files.length > 0"
            + " ? input.files[0] : null;")
    static native File selectedFile(HTMLInputElement input);

    /** Returns the file's size in bytes, exact up to 2^53. */
    @JSBody(params = "file", script = "return file.size;")
    static native double fileSize(File file);

    /** Returns the first file dropped with a drag event, or null. */
    @JSBody(params = "event", script = "var files = event.dataTransfer && event.dataTransfer.files;"
            + "return files && files.length > 0 ? files[0] : null;")
    static native File droppedFile(Event event);

    /**
     * Reads a file's bytes and passes them to {@code onLoad}; a read failure goes to
     * {@code onError}. Both run later, as separate tasks.
     */
    static void readFile(File file, BytesHandler onLoad, TextHandler onError) {
        readBytes(file, bytes -> onLoad.handle(bytes.toJavaArray()), onError);
    }

    @JSBody(params = {"file", "onLoad", "onError"}, script = "file.arrayBuffer().then("
            + "function(buffer) { onLoad(new Int8Array(buffer)); },"
            + "function(error) { onError(String(error)); });")
    private static native void readBytes(File file, TypedBytesHandler onLoad, TextHandler onError);

    /**
     * Loads an image from the site and passes its gray levels (the red channel of the decoded
     * pixels, row-major) to {@code onLoad}, or a message to {@code onError}.
     */
    static void loadGrayImage(String url, GrayImageHandler onLoad, TextHandler onError) {
        loadImagePixels(url, (width, height, gray) -> onLoad.handle(width, height,
                gray.toJavaArray()), onError);
    }

    @JSBody(params = {"url", "onLoad", "onError"}, script = "var image = new Image();"
            + "image.onload = function() {"
            + "  var canvas = document.createElement('canvas');"
            + "  canvas.width = image.naturalWidth; canvas.height = image.naturalHeight;"
            + "  var context = canvas.getContext('2d', { willReadFrequently: true });"
            + "  context.drawImage(image, 0, 0);"
            + "  var rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;"
            + "  var gray = new Int32Array(canvas.width * canvas.height);"
            + "  for (var i = 0; i < gray.length; i++) { gray[i] = rgba[4 * i]; }"
            + "  onLoad(canvas.width, canvas.height, gray);"
            + "};"
            + "image.onerror = function() { onError('Could not load ' + url"
            + "  + ' from the site; reload the page or check that the site is complete'); };"
            + "image.src = url;")
    private static native void loadImagePixels(String url, TypedGrayHandler onLoad,
            TextHandler onError);

    /**
     * Offers the bytes as a file download named {@code fileName}, through a Blob and an object
     * URL, so nothing leaves the browser.
     */
    @JSBody(params = {"bytes", "fileName", "type"},
            script = "var blob = new Blob([new Uint8Array(bytes)], { type: type });"
            + "var url = URL.createObjectURL(blob);"
            + "var link = document.createElement('a');"
            + "link.href = url; link.download = fileName;"
            + "document.body.appendChild(link); link.click(); link.remove();"
            + "setTimeout(function() { URL.revokeObjectURL(url); }, 1000);")
    static native void download(@JSByRef byte[] bytes, String fileName, String type);

    /**
     * Runs the steps in order, each as its own task, so that the page can repaint and handle
     * input between them and no single task blocks it for long. A step that throws is shown in
     * {@code #error}, named by {@code context}, and the later steps still run.
     */
    static void runInTurns(String context, Runnable... steps) {
        runFrom(context, steps, 0);
    }

    private static void runFrom(String context, Runnable[] steps, int index) {
        if (index < steps.length) {
            nextTask(() -> {
                PageErrors.guard(context, steps[index]);
                runFrom(context, steps, index + 1);
            });
        }
    }

    /** Queues the callback as a new task; a MessageChannel avoids setTimeout's 4 ms clamping. */
    @JSBody(params = "callback", script = "var channel = new MessageChannel();"
            + "channel.port1.onmessage = function() { channel.port1.close(); callback(); };"
            + "channel.port2.postMessage(null);")
    static native void nextTask(Callback callback);

    /** Calls the callback before the next repaint. */
    @JSBody(params = "callback", script = "requestAnimationFrame(function() { callback(); });")
    static native void nextFrame(Callback callback);

    /** An event handler that may throw; see {@link #on}. */
    interface EventHandler {
        void handle(Event event);
    }

    /** Receives a file's bytes. */
    interface BytesHandler {
        void handle(byte[] bytes);
    }

    /** Receives an image's size and gray levels. */
    interface GrayImageHandler {
        void handle(int width, int height, int[] gray);
    }

    /** A JS function without arguments. */
    @JSFunctor
    interface Callback extends JSObject {
        void run();
    }

    /** A JS function that takes one string. */
    @JSFunctor
    interface TextHandler extends JSObject {
        void handle(String text);
    }

    @JSFunctor
    interface TypedBytesHandler extends JSObject {
        void handle(Int8Array bytes);
    }

    @JSFunctor
    interface TypedGrayHandler extends JSObject {
        void handle(int width, int height, Int32Array gray);
    }
}
