package org.owlet.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Turns failures into pages in the user's language (or JSON under /api), never a stack trace.
 * Unexpected errors are logged with a short reference that the page shows, so support can find them.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(String title, String text);
    }

    @Inject
    LocaleResolver locales;

    @Inject
    HttpServerRequest request;

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(404, messages().error_404_title(), messages().error_404_text());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, messages().error_403_title(), messages().error_403_text());
    }

    @ServerExceptionMapper
    public Response forbidden(jakarta.ws.rs.ForbiddenException e) {
        return respond(403, messages().error_403_title(), messages().error_403_text());
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e) {
        if (!isApi()) {
            // pages: go through sign-in (the identity provider's login) and come back here
            String back = SafeRedirect.orHome(request.uri());
            return Response.seeOther(URI.create("/login?return=" + URLEncoder.encode(back, StandardCharsets.UTF_8))).build();
        }
        return respond(401, messages().error_401_title(), messages().error_401_text());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return notFound(null);
        }
        if (status == 403) {
            return respond(403, messages().error_403_title(), messages().error_403_text());
        }
        if (status == 401) {
            return unauthorized(null);
        }
        if (status < 500) {
            return e.getResponse();
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error %s on %s %s", reference, request.method(), request.path());
        return respond(500, messages().error_500_title(), messages().error_500_text(reference));
    }

    private WebMessages messages() {
        return MessageBundles.get(WebMessages.class, Localized.Literal.of(locales.language().tag()));
    }

    private boolean isApi() {
        return request.path().startsWith("/api/");
    }

    private Response respond(int status, String title, String text) {
        if (isApi()) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("status", status, "error", title, "message", text)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(title, text).render()).build();
    }
}
