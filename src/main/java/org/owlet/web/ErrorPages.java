package org.owlet.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.owlet.web.errors.Conflict;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;
import org.owlet.web.errors.NotAllowed;
import org.owlet.web.errors.NotFound;
import org.owlet.web.errors.Reason;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one error model. Every failure becomes a page in the user's language, or an RFC 9457
 * {@code application/problem+json} document under /api, never a stack trace or an empty body:
 * <ul>
 * <li>{@link NotFound} → 404; {@link NotAllowed} → its reason's status, 403 ("you may not") or 409 ("not now");
 * {@link Conflict} → 409; {@link InvalidInput} → 400 listing each field's message;</li>
 * <li>what the framework refuses (unknown address 404, malformed body or bad parameter 400, wrong method 405, wrong
 * media type 415, other 4xx) keeps its status with an explanation; sign-in needed is 401 under /api and a redirect
 * to sign-in for pages; a missing role 403;</li>
 * <li>the database cannot be reached ({@link DatabaseUnavailable}): 503 with a Retry-After, saying that nothing was saved
 * (the request did nothing; the readiness probe is down meanwhile), logged as one warning line;</li>
 * <li>every place for a large download is taken ({@link Downloads.Busy}): 503 with a Retry-After;</li>
 * <li>anything else is a bug: 500, logged with a short reference that the answer shows.</li>
 * </ul>
 * Pages that re-render a form with an error summary catch {@link InvalidInput} themselves; this is the fallback.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(String title, String text, List<String> items);
    }

    @Inject
    LocaleResolver locales;

    @Inject
    HttpServerRequest request;

    @Inject
    BundleTexts texts;

    @Inject
    ObjectMapper json;

    @Inject
    Instance<DataSource> dataSource;

    // ---- the domain's own exceptions -------------------------------------------------------------

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return notFound();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowed e) {
        Reason reason = e.reason();
        boolean forbidden = e.status() == 403;
        List<String> args = e.details().values().stream().map(ErrorPages::argument).toList();
        String title = text(reason.titleKey(), args, reason.bundle())
                .orElse(forbidden ? messages().error_403_title() : messages().error_409_title());
        String detail = text(reason.messageKey(), args, reason.bundle())
                .orElse(forbidden ? messages().error_403_text() : messages().error_409_text());
        Problem problem = Problem.of(forbidden ? 403 : 409, "not-allowed", title, detail).with("reason", reason.code());
        for (Map.Entry<String, Object> detailMember : e.details().entrySet()) {
            problem = problem.with(detailMember.getKey(), detailMember.getValue());
        }
        return respond(problem);
    }

    @ServerExceptionMapper
    public Response conflict(Conflict e) {
        LOG.debugf("Conflict on %s %s: %s", request.method(), request.path(), e.getMessage());
        Reason reason = e.reason();
        String detail = reason == null ? messages().error_409_text()
                : text(reason.messageKey(), List.of(), reason.bundle()).orElse(messages().error_409_text());
        Problem problem = Problem.of(409, "conflict", messages().error_409_title(), detail);
        return respond(reason == null ? problem : problem.with("reason", reason.code()));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInput e) {
        List<Map<String, Object>> errors = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (FieldError error : e.errors()) {
            String message = text(error.messageKey(), List.of(), e.bundle(), "web").orElse(messages().error_field_invalid());
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("field", error.field());
            member.put("message", message);
            member.put("value", error.value());
            errors.add(member);
            lines.add(message);
        }
        return respond(Problem.of(400, "invalid-input", messages().error_invalid_title(), messages().error_invalid_text())
                .with("errors", errors).listing(lines));
    }

    // ---- security ---------------------------------------------------------------------------------

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return forbidden();
    }

    @ServerExceptionMapper
    public Response forbidden(jakarta.ws.rs.ForbiddenException e) {
        return forbidden();
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e) {
        if (!isApi() && "/logout".equals(request.path())) {
            // signing out of a session that has already ended (another tab, the idle timeout): nothing left to do
            return Response.seeOther(URI.create("/")).build();
        }
        if (!isApi()) {
            // pages: go through sign-in (the identity provider's login) and come back here
            String back = SafeRedirect.orHome(request.uri());
            return Response.seeOther(URI.create("/login?return=" + URLEncoder.encode(back, StandardCharsets.UTF_8))).build();
        }
        return respond(Problem.of(401, "unauthorized", messages().error_401_title(), messages().error_401_text()));
    }

    // ---- what the framework refuses ---------------------------------------------------------------

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return notFound();
    }

    /** A body that is not JSON, or JSON of the wrong shape: the client's mistake, never a 500. */
    @ServerExceptionMapper({ StreamReadException.class, MismatchedInputException.class })
    public Response unreadable(JsonProcessingException e) {
        LOG.debugf("Unreadable body on %s %s: %s", request.method(), request.path(), e.getOriginalMessage());
        return badRequest();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (e.getCause() instanceof StreamReadException || e.getCause() instanceof MismatchedInputException) {
            return badRequest();
        }
        WebMessages m = messages();
        Response response = switch (status) {
            case 400 -> badRequest();
            case 401 -> unauthorized(null);
            case 403 -> forbidden();
            case 404 -> notFound();
            case 405 -> respond(Problem.of(405, "method-not-allowed", m.error_405_title(), m.error_405_text()));
            case 409 -> respond(Problem.of(409, "conflict", m.error_409_title(), m.error_409_text()));
            case 415 -> respond(Problem.of(415, "unsupported-media-type", m.error_415_title(), m.error_415_text()));
            default -> respond(Problem.of(status, "request-refused", m.error_4xx_title(), m.error_4xx_text()));
        };
        if (response.getStatus() != status) {
            return response;
        }
        // keep what tells the client how to do better, e.g. the methods a 405 allows
        Response.ResponseBuilder kept = Response.fromResponse(response);
        for (String header : List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE)) {
            Object value = e.getResponse().getHeaders().getFirst(header);
            if (value != null) {
                kept.header(header, value);
            }
        }
        return kept.build();
    }

    @ServerExceptionMapper
    public Response downloadsBusy(Downloads.Busy e) {
        LOG.infof("Download refused on %s %s: every download place stayed taken", request.method(), request.path());
        WebMessages m = messages();
        return Response
                .fromResponse(respond(Problem.of(503, "downloads-busy", m.error_downloads_busy_title(), m.error_downloads_busy_text())))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseUnavailable.causedBy(e) || failedCommit(e) && DatabaseUnavailable.unreachable(dataSource.get())) {
            return databaseUnavailable(e);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error %s on %s %s", reference, request.method(), request.path());
        return respond(Problem.of(500, "internal-error", messages().error_500_title(), messages().error_500_text(reference))
                .with("reference", reference));
    }

    /** Seconds a client is asked to wait before sending a request again while the database is unreachable. */
    static final int RETRY_AFTER_SECONDS = 10;

    /** A commit the transaction manager reports as a bare rollback, e.g. when the connection died under it. */
    private static boolean failedCommit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RollbackException) {
                return true;
            }
        }
        return false;
    }

    private Response databaseUnavailable(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        LOG.warnf("Database unavailable on %s %s: %s", request.method(), request.path(), root.toString());
        WebMessages m = messages();
        return Response.fromResponse(respond(Problem.of(503, "unavailable", m.error_503_title(), m.error_503_text())))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    // ---- rendering --------------------------------------------------------------------------------

    private Response notFound() {
        return respond(Problem.of(404, "not-found", messages().error_404_title(), messages().error_404_text()));
    }

    private Response forbidden() {
        return respond(Problem.of(403, "forbidden", messages().error_403_title(), messages().error_403_text()));
    }

    private Response badRequest() {
        return respond(Problem.of(400, "bad-request", messages().error_400_title(), messages().error_400_text()));
    }

    /** A detail as a message argument: a list reads as "a, b". */
    private static String argument(Object detail) {
        if (detail instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.valueOf(detail);
    }

    private Optional<String> text(String key, List<?> args, String... bundles) {
        return key == null ? Optional.empty() : texts.find(locales.locale(), key, args, bundles);
    }

    private WebMessages messages() {
        return MessageBundles.get(WebMessages.class, Localized.Literal.of(locales.language().tag()));
    }

    private boolean isApi() {
        return request.path().startsWith("/api/");
    }

    private Response respond(Problem problem) {
        if (isApi()) {
            try {
                return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                        .entity(json.writeValueAsString(problem.json())).build();
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(problem.title(), problem.detail(), problem.items()).render()).build();
    }
}
