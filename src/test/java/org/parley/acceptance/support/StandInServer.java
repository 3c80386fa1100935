package org.parley.acceptance.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for Payara Micro in tests of the start-up watchdog ({@code StartupWatchdogIT}). It
 * takes Payara Micro's command line ({@code --port N}, other options ignored) and counts its starts
 * in the file {@code -Dstandin.state} names: the first {@code -Dstandin.silent-starts} starts (default
 * 1) print nothing and sleep at 0 % CPU, as a start hung in HK2's run-level start-up does; later
 * starts answer 200 to every HTTP request on the port (so {@code /health/ready} is ready). It uses
 * the JDK only and no nested classes, so one class file makes a runnable jar.
 */
public final class StandInServer implements HttpHandler {

    public static void main(String[] args) throws Exception {
        Path state = Path.of(System.getProperty("standin.state"));
        int silent = Integer.getInteger("standin.silent-starts", 1);
        int starts =
                Files.exists(state) ? Integer.parseInt(Files.readString(state).trim()) : 0;
        Files.writeString(state, Integer.toString(starts + 1));
        if (starts < silent) {
            Thread.sleep(Long.MAX_VALUE);
        }
        int port = 0;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/", new StandInServer());
        server.start();
        System.out.println("stand-in ready on port " + port + " (start " + (starts + 1) + ")");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
