package org.owlet.certification;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/** Public verification of a certificate by its code: no sign-in, rate-limited per address. */
@PermitAll
@Path("/verify")
public class VerifyResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance verify(Verification v);

        static native TemplateInstance tooMany();

        static native TemplateInstance start();
    }

    @Inject
    CertificationService certificates;

    @Inject
    CertificationConfig config;

    @Inject
    RateLimiter limiter;

    @Inject
    HttpServerRequest request;

    /**
     * Without a code, the page to enter one (linked from every page's footer and printed on certificates); the form's
     * target: /verify?code=… goes to the code's page.
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response form(@QueryParam("code") String code) {
        String normalized = VerificationCodes.normalize(code);
        if (normalized.isEmpty()) {
            return Response.ok(Templates.start().render(), MediaType.TEXT_HTML_TYPE).build();
        }
        if (!normalized.chars().allMatch(Character::isLetterOrDigit)) {
            return page(null);
        }
        return Response.seeOther(URI.create("/verify/" + normalized)).build();
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.TEXT_HTML)
    public Response verify(@PathParam("code") String code) {
        return page(code);
    }

    private Response page(String code) {
        if (!limiter.tryAcquire(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress())) {
            return Response.status(429).header("Retry-After", limiter.retryAfterSeconds()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.tooMany().render()).build();
        }
        Verification v = certificates.verify(code == null ? "" : code)
                .map(c -> Verification.of(c, certificates.today(), config.issuerName()))
                .orElseGet(() -> Verification.notFound(config.issuerName()));
        return Response.status(v.found() ? 200 : 404).type(MediaType.TEXT_HTML_TYPE).entity(Templates.verify(v).render())
                .header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex").build();
    }
}
