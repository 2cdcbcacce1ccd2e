package org.owlet.security;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.owlet.security.BadInputs.Kind;
import org.owlet.security.BadInputs.Value;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Routes as the OpenAPI document describes them, the probes sent to them, and the one place requests are sent
 * ({@link #send}). Each probe keeps every field valid (from the fixtures) but one, which gets a bad value.
 */
final class BadInputProbe {

    enum Place { PATH, QUERY, FORM, MULTIPART, JSON }

    record Field(String name, Place place, boolean numeric) {
    }

    record Route(String method, String template, List<Field> fields) {
        String key() {
            return method + " " + template;
        }

        boolean isApi() {
            return template.startsWith("/api/");
        }
    }

    /** One input: who sends it, in which language, the value of each field, and which field is the bad one. */
    record Probe(Route route, RouteMatrix.Caller caller, String language, Kind kind, Field target, Map<Field, Value> values) {
        String describe() {
            Value bad = target == null ? null : values.get(target);
            String shown = bad instanceof Value.Text t ? abbreviate(t.text())
                    : bad instanceof Value.Raw r ? "raw " + (r.wire() != null ? abbreviate(r.wire()) : r.bytes().length + " bytes")
                            : String.valueOf(bad);
            return caller + " " + language + " " + kind + (target == null ? "" : " " + target.name() + "=" + shown);
        }

        /** The text sent in a field, or null when it was left out or sent raw. */
        String sent(String field) {
            for (Map.Entry<Field, Value> e : values.entrySet()) {
                if (e.getKey().name().equals(field)) {
                    return e.getValue() instanceof Value.Text t ? t.text()
                            : e.getValue() instanceof Value.Repeated r ? r.texts().get(0) : null;
                }
            }
            return null;
        }
    }

    record Answer(int status, String contentType, String location, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LANGUAGES = List.of("en", "fr", "es", "pt", "zh-CN", "vi", "id", "nl");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final BadInputFixtures fixtures;
    private final BadInputs inputs;

    BadInputProbe(URI base, BadInputFixtures fixtures, BadInputs inputs) {
        this.base = base;
        this.fixtures = fixtures;
        this.inputs = inputs;
    }

    /** Every operation of the OpenAPI document with its path, query, form, multipart and JSON fields. */
    @SuppressWarnings("unchecked")
    static List<Route> routes() {
        Map<String, Object> doc = given().get(org.owlet.testing.Management.url("/q/openapi?format=json")).then().statusCode(200).extract()
                .jsonPath().getMap("$");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
        List<Route> routes = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            if (!Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) op;
            List<Field> fields = new ArrayList<>();
            for (Map<String, Object> p : (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
                Place place = switch (String.valueOf(p.get("in"))) {
                    case "path" -> Place.PATH;
                    case "query" -> Place.QUERY;
                    default -> null;
                };
                if (place != null) {
                    fields.add(new Field((String) p.get("name"), place, isNumeric((Map<String, Object>) p.get("schema"))));
                }
            }
            Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
            if (body != null) {
                ((Map<String, Object>) body.get("content")).forEach((mediaType, content) -> {
                    Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) content).get("schema");
                    if (schema.containsKey("$ref")) {
                        String ref = (String) schema.get("$ref");
                        schema = (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
                    }
                    Place place = mediaType.contains("json") ? Place.JSON : mediaType.contains("multipart") ? Place.MULTIPART : Place.FORM;
                    ((Map<String, Object>) schema.getOrDefault("properties", Map.of())).forEach((name, property) -> fields
                            .add(new Field(name, place, isNumeric((Map<String, Object>) property))));
                });
            }
            routes.add(new Route(method.toUpperCase(), path, List.copyOf(fields)));
        }));
        return routes;
    }

    private static boolean isNumeric(Map<String, Object> schema) {
        return schema != null && Set.of("integer", "number").contains(String.valueOf(schema.get("type")));
    }

    /** The {@code i}th input for a route. */
    Probe next(Route route, int i) {
        RouteMatrix.Caller caller = fixtures.callerFor(route);
        String language = LANGUAGES.get(inputs.nextInt(LANGUAGES.size()));
        Map<Field, Value> values = new LinkedHashMap<>();
        for (Field field : route.fields()) {
            values.put(field, fixtures.valid(route, field, i));
        }
        List<Field> targets = route.fields().stream().filter(f -> !(f.place() == Place.PATH && fixtures.fixedPath(f))).toList();
        if (targets.isEmpty()) {
            // nothing to fill in: an unexpected query parameter, as a crawler or an attacker would add one
            Field extra = new Field(inputs.pick(List.of("return", "id", "q", "lang", "page")), Place.QUERY, false);
            Kind kind = inputs.kindFor(false, false, extra.name().equals("return"));
            kind = kind == Kind.OTHER_TENANT ? Kind.SQL : kind;
            values.put(extra, inputs.value(kind, true, false));
            return new Probe(route, caller, language, kind, extra, values);
        }
        Field target = targets.get(inputs.nextInt(targets.size()));
        boolean hasOther = fixtures.otherTenant(route, target) != null;
        boolean returnUrl = target.name().equals("return");
        Kind kind = inputs.kindFor(target.numeric(), hasOther, returnUrl);
        if (kind == Kind.OTHER_TENANT && !hasOther) {
            kind = Kind.NUMBER;
        }
        if (kind == Kind.MISSING && target.place() == Place.PATH) {
            kind = Kind.BLANK;
        }
        boolean inUrl = target.place() == Place.PATH || target.place() == Place.QUERY;
        Value bad = kind == Kind.OTHER_TENANT ? new Value.Text(fixtures.otherTenant(route, target))
                : inputs.value(kind, inUrl, target.place() == Place.JSON);
        values.put(target, bad);
        return new Probe(route, caller, language, kind, target, values);
    }

    /** Sends a probe: the one place a request is built (form posts included; a CSRF token would be added here). */
    Answer send(Probe probe) throws Exception {
        Route route = probe.route();
        StringBuilder path = new StringBuilder();
        String template = route.template();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                path.append(template, at, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            path.append(template, at, open);
            String name = template.substring(open + 1, close);
            Field field = route.fields().stream().filter(f -> f.place() == Place.PATH && f.name().equals(name)).findFirst().orElseThrow();
            path.append(encoded(probe.values().get(field), true).stream().findFirst().orElse(""));
            at = close + 1;
        }
        String query = formEncoded(probe, Place.QUERY);
        URI uri = URI.create(base.toString().replaceAll("/$", "") + path + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Cookie", "owlet_lang=" + probe.language())
                .header("Accept", route.isApi() ? "application/json" : "text/html");
        String token = fixtures.token(probe.caller());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (route.fields().stream().anyMatch(f -> f.place() == Place.FORM)) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
            body = HttpRequest.BodyPublishers.ofString(formEncoded(probe, Place.FORM));
        } else if (route.fields().stream().anyMatch(f -> f.place() == Place.MULTIPART)) {
            String boundary = "owlet-bad-input-boundary";
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            body = HttpRequest.BodyPublishers.ofByteArray(multipart(probe, boundary));
        } else if (route.fields().stream().anyMatch(f -> f.place() == Place.JSON)) {
            request.header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofByteArray(json(probe));
        }
        HttpResponse<byte[]> response = CLIENT.send(request.method(route.method(), body).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Location").orElse(null), response.body());
    }

    private static String formEncoded(Probe probe, Place place) {
        List<String> pairs = new ArrayList<>();
        probe.values().forEach((field, value) -> {
            if (field.place() == place) {
                for (String v : encoded(value, false)) {
                    pairs.add(URLEncoder.encode(field.name(), StandardCharsets.UTF_8) + "=" + v);
                }
            }
        });
        return String.join("&", pairs);
    }

    /** A value as it goes in a URL or form body; nothing for a field left out, one item per repetition. */
    private static List<String> encoded(Value value, boolean pathSegment) {
        if (value == null || value instanceof Value.Omitted) {
            return List.of();
        }
        if (value instanceof Value.Raw raw) {
            return List.of(raw.wire() != null ? raw.wire() : "%FF");
        }
        List<String> texts = value instanceof Value.Repeated r ? r.texts() : List.of(((Value.Text) value).text());
        return texts.stream().map(t -> {
            String e = URLEncoder.encode(t, StandardCharsets.UTF_8);
            return pathSegment ? e.replace("+", "%20") : e;
        }).toList();
    }

    private static byte[] multipart(Probe probe, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        probe.values().forEach((field, value) -> {
            if (field.place() != Place.MULTIPART || value instanceof Value.Omitted) {
                return;
            }
            List<byte[]> contents = new ArrayList<>();
            if (value instanceof Value.Raw raw) {
                contents.add(raw.bytes() != null ? raw.bytes() : BadInputs.decodePercent(raw.wire()));
            } else if (value instanceof Value.Repeated r) {
                r.texts().forEach(t -> contents.add(t.getBytes(StandardCharsets.UTF_8)));
            } else {
                contents.add(((Value.Text) value).text().getBytes(StandardCharsets.UTF_8));
            }
            for (byte[] content : contents) {
                boolean file = field.name().equals("file");
                out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.name() + "\""
                        + (file ? "; filename=\"probe.csv\"\r\nContent-Type: text/csv" : "") + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.writeBytes(content);
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
        });
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] json(Probe probe) throws JsonProcessingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{".getBytes(StandardCharsets.UTF_8));
        boolean first = true;
        for (Map.Entry<Field, Value> e : probe.values().entrySet()) {
            if (e.getKey().place() != Place.JSON || e.getValue() instanceof Value.Omitted) {
                continue;
            }
            List<byte[]> values = new ArrayList<>();
            if (e.getValue() instanceof Value.Raw raw) {
                if (raw.wire() != null) {
                    values.add(raw.wire().getBytes(StandardCharsets.UTF_8));
                } else {
                    ByteArrayOutputStream s = new ByteArrayOutputStream();
                    s.write('"');
                    s.writeBytes(raw.bytes());
                    s.write('"');
                    values.add(s.toByteArray());
                }
            } else if (e.getValue() instanceof Value.Repeated r) {
                for (String t : r.texts()) {
                    values.add(JSON.writeValueAsBytes(t));
                }
            } else {
                values.add(jsonValue(e.getKey(), ((Value.Text) e.getValue()).text()));
            }
            for (byte[] v : values) {
                out.writeBytes(((first ? "" : ",") + JSON.writeValueAsString(e.getKey().name()) + ":").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(v);
                first = false;
            }
        }
        out.writeBytes("}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Text as JSON: a list member (domains) as a one-element list of it, a number or flag as the JSON literal it parses to. */
    private static byte[] jsonValue(Field field, String text) throws JsonProcessingException {
        if (field.name().equals("domains")) {
            return JSON.writeValueAsBytes(text.isEmpty() ? List.of() : List.of(text.split("\n")));
        }
        if (field.name().equals("active")) {
            return JSON.writeValueAsBytes(Boolean.parseBoolean(text));
        }
        if (field.numeric() && text.matches("-?[0-9]{1,18}")) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return JSON.writeValueAsBytes(text);
    }

    static String abbreviate(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + " chars)" : text;
        return shown.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t").replace("\u0000", "\\0");
    }
}
