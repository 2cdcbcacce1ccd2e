package org.owlet.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One failure as the user is told about it: an RFC 9457 problem ({@code application/problem+json}) under /api, the
 * error page elsewhere. Title and detail are already in the user's language; {@code items} are the lines the page
 * lists under the detail (e.g. one per invalid field), {@code members} the problem's extension members.
 */
public record Problem(int status, String type, String title, String detail, Map<String, Object> members, List<String> items) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem types are URNs: stable names, not addresses to fetch. */
    public static final String TYPE_PREFIX = "urn:owlet:problem:";

    public Problem {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        items = List.copyOf(items);
    }

    public static Problem of(int status, String type, String title, String detail) {
        return new Problem(status, type, title, detail, Map.of(), List.of());
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(members);
        more.put(member, value);
        return new Problem(status, type, title, detail, more, items);
    }

    public Problem listing(List<String> lines) {
        return new Problem(status, type, title, detail, members, lines);
    }

    /** The problem document: the standard members first, then the extension members. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", TYPE_PREFIX + type);
        json.put("title", title);
        json.put("status", status);
        json.put("detail", detail);
        members.forEach(json::putIfAbsent);
        return json;
    }
}
