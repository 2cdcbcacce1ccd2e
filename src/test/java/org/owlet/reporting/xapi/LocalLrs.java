package org.owlet.reporting.xapi;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A Learning Record Store on a free local port for the sender's tests: {@code POST /xapi/statements} answers the
 * scripted statuses in turn ({@link #NO_ANSWER} closes the connection without one), then 200, and keeps what it got.
 */
public class LocalLrs implements QuarkusTestResourceLifecycleManager {

    static final String USER = "lrs-user";
    static final String PASSWORD = "lrs-secret";
    /** Close the connection without an answer, as an LRS that is going down does. */
    static final int NO_ANSWER = -1;

    /** One POST: the status answered, its headers and the statements. */
    record Received(int status, String authorization, String version, String contentType, List<JsonNode> statements) {
        List<String> ids() {
            return statements.stream().map(s -> s.get("id").asText()).toList();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Queue<Integer> SCRIPT = new ConcurrentLinkedQueue<>();
    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    static volatile long delayMillis;
    /** A batch holding one of these statement ids is refused with 400, as an LRS refuses a statement it finds invalid. */
    static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();

    private HttpServer server;
    private ExecutorService threads;

    static void reset(Integer... statuses) {
        SCRIPT.clear();
        SCRIPT.addAll(List.of(statuses));
        RECEIVED.clear();
        REFUSED.clear();
        delayMillis = 0;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a local port for the test LRS", e);
        }
        threads = Executors.newFixedThreadPool(4);
        server.setExecutor(threads);
        server.createContext("/xapi/statements", this::handle);
        server.start();
        return Map.of("owlet.xapi.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/xapi/", "owlet.xapi.username", USER,
                "owlet.xapi.password", PASSWORD, "owlet.xapi.batch-size", "1000");
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Integer scripted = SCRIPT.poll();
        int status = scripted == null ? 200 : scripted;
        List<JsonNode> statements = new ArrayList<>();
        JSON.readTree(body).forEach(statements::add);
        if (statements.stream().anyMatch(st -> REFUSED.contains(st.get("id").asText()))) {
            status = 400;
        }
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RECEIVED.add(new Received(status, exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-Experience-API-Version"), exchange.getRequestHeaders().getFirst("Content-Type"),
                statements));
        if (status == NO_ANSWER) {
            exchange.close();
            return;
        }
        byte[] answer = (status == 200 ? JSON.writeValueAsString(statements.stream().map(s -> s.get("id").asText()).toList())
                : status == 400 ? "{\"error\":\"invalid statement\"}" : "{\"error\":\"down for maintenance\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
