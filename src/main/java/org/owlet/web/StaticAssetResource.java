package org.owlet.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.owlet.web.StaticAssets.Asset;
import org.owlet.web.errors.NotFound;

/**
 * Serves the stylesheet and the script (see {@link StaticAssets}): at the hashed URL for a year as immutable, at the
 * plain URL for five minutes with an ETag (a 304 when the browser's copy is current). Anyone may fetch them.
 */
@PermitAll
@Path("/")
public class StaticAssetResource {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String SHORT = "public, max-age=300";

    @GET
    @Path("css/{file}")
    public Response css(@PathParam("file") String file, @Context Request request) {
        return serve("/css/" + file, request);
    }

    @GET
    @Path("js/{file}")
    public Response js(@PathParam("file") String file, @Context Request request) {
        return serve("/js/" + file, request);
    }

    private static Response serve(String path, Request request) {
        Asset asset = StaticAssets.get().find(path).orElseThrow(() -> new NotFound("asset " + path));
        String cache = path.equals(asset.hashedPath()) ? IMMUTABLE : SHORT;
        EntityTag tag = new EntityTag(asset.hash());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).header(HttpHeaders.CACHE_CONTROL, cache).build();
        }
        return Response.ok(asset.bytes(), asset.mediaType()).tag(tag).header(HttpHeaders.CACHE_CONTROL, cache).build();
    }
}
