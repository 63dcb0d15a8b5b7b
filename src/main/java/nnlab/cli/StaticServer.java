package nnlab.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves the static site (target/site) on 127.0.0.1 with the content types browsers insist on,
 * notably application/wasm for WebAssembly.
 */
public final class StaticServer {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "wasm", "application/wasm",
            "png", "image/png",
            "json", "application/json",
            "svg", "image/svg+xml",
            "mat", "application/octet-stream",
            "md", "text/plain; charset=utf-8");

    private final HttpServer server;

    /** Starts serving {@code root} on 127.0.0.1:{@code port}; port 0 picks a free port. */
    public StaticServer(Path root, int port) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                16);
        server.createContext("/", exchange -> handle(base, exchange));
        server.start();
    }

    /** Returns the page's address, such as http://127.0.0.1:8080/. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public void stop() {
        server.stop(0);
    }

    static int serve(Arguments arguments, PrintStream out) throws IOException {
        int port = (int) arguments.integer("port", 8080, 0, 65535);
        Path dir = Path.of(arguments.text("dir", "target/site"));
        if (!Files.isRegularFile(dir.resolve("index.html"))) {
            throw new UsageException(dir.toAbsolutePath() + "/index.html not found; build the"
                    + " site first with mvn package, or pass --dir");
        }
        StaticServer server;
        try {
            server = new StaticServer(dir, port);
        } catch (java.net.BindException e) {
            throw new UsageException("Port " + port + " on 127.0.0.1 is already in use; pass"
                    + " --port with a free port, such as --port 8081");
        }
        out.println("Serving " + dir.toAbsolutePath().normalize() + " at " + server.url()
                + " (Ctrl+C stops)");
        out.flush();
        return 0;
    }

    private static void handle(Path base, HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Path file = base.resolve(path.substring(1)).normalize();
            if (path.endsWith("/")) {
                file = file.resolve("index.html");
            }
            boolean allowed = exchange.getRequestMethod().equals("GET")
                    || exchange.getRequestMethod().equals("HEAD");
            if (!allowed || !file.startsWith(base) || !Files.isRegularFile(file)) {
                byte[] body = (allowed ? "Not found: " + path : "Method not allowed").getBytes();
                exchange.sendResponseHeaders(allowed ? 404 : 405, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            String name = file.getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().set("Content-Type",
                    TYPES.getOrDefault(extension, "application/octet-stream"));
            // NOTE: no Content-Security-Policy header is sent. The pages carry theirs in a meta
            // tag, but worker scripts take a policy only from HTTP headers.
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            byte[] body = Files.readAllBytes(file);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(body);
                }
            }
        }
    }
}
