package org.owlet.organization;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Properties;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/** Clear answers for this feature's own failures: invalid input (API) and a sign-in naming several organizations. */
public class OrganizationErrors {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance severalOrganizations(List<String> organizations);
    }

    @ServerExceptionMapper
    public Response invalid(ValidationException e) {
        List<Map<String, String>> errors = e.errors().stream().map(error -> {
            Map<String, String> json = new LinkedHashMap<>();
            json.put("field", error.field());
            json.put("value", error.value());
            json.put("message", english(error.messageKey()));
            return json;
        }).toList();
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("status", 400, "error", "Invalid input", "errors", errors)).build();
    }

    @ServerExceptionMapper
    public Response severalOrganizations(SeveralOrganizationsException e, HttpServerRequest request) {
        if (request.path().startsWith("/api/")) {
            return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("status", 409, "error", "Several organizations", "organizations", e.organizations())).build();
        }
        return Response.status(409).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.severalOrganizations(e.organizations())).build();
    }

    /** The English text of a message key, for JSON answers to API clients. */
    static String english(String key) {
        Properties english = new Properties();
        try (InputStream in = OrganizationErrors.class.getResourceAsStream("/messages/org_en.properties")) {
            if (in != null) {
                english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return english.getProperty(key, key);
    }
}
