package org.owlet.certification;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;

/**
 * Public JSON: verification by code (same answer as the page), the Open Badges credential of a certificate (a
 * VC-JWT; the code is what grants access, as for the page), and the issuer's profile and public key.
 */
@PermitAll
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CertificateApi {

    public static final String VC_JWT = "application/vc+jwt";

    @Inject
    CertificationService certificates;

    @Inject
    CertificationConfig config;

    @Inject
    OpenBadges badges;

    @Inject
    RateLimiter limiter;

    @Inject
    HttpServerRequest request;

    @GET
    @Path("/certificates/{code}")
    public Response verify(@PathParam("code") String code) {
        if (!allowed()) {
            return tooMany();
        }
        Verification v = certificates.verify(code).map(c -> Verification.of(c, certificates.today(), config.issuerName()))
                .orElseGet(() -> Verification.notFound(config.issuerName()));
        return Response.status(v.found() ? 200 : 404).entity(v.json()).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/certificates/{code}/credential")
    @Produces({ VC_JWT, MediaType.APPLICATION_JSON })
    public Response credential(@PathParam("code") String code) {
        if (!allowed()) {
            return tooMany();
        }
        return certificates.verify(code)
                .map(c -> Response.ok(certificates.signedCredential(c), VC_JWT).header("Cache-Control", "no-store").build())
                .orElseGet(() -> Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Verification.notFound(config.issuerName()).json()).build());
    }

    @GET
    @Path("/issuer")
    public Map<String, Object> issuer() {
        return badges.issuerProfile();
    }

    @GET
    @Path("/issuer/jwks")
    public Map<String, Object> jwks() {
        return badges.jwks();
    }

    /**
     * A revocation status list (W3C Bitstring Status List) as a signed VC-JWT; credentials name theirs in
     * {@code credentialStatus}. Built on each request, so a revocation shows at once.
     */
    @GET
    @Path("/issuer/status/{list}")
    @Produces(VC_JWT)
    public Response statusList(@PathParam("list") int list) {
        return Response.ok(certificates.signedStatusList(list), VC_JWT).header("Cache-Control", "no-cache").build();
    }

    private boolean allowed() {
        return limiter.tryAcquire(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
    }

    private Response tooMany() {
        return Response.status(429).header("Retry-After", limiter.retryAfterSeconds()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("status", 429, "error", "too_many_requests")).build();
    }
}
