package org.owlet.catalog;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.owlet.web.errors.NotFound;

/**
 * Course images by content-hashed name ({@code /assets/<hash>.svg}, {@code /assets/<hash>-w480.png}), so
 * they can be cached for ever: a changed image gets a new URL. The name is looked up among the files the
 * manifest lists; it never becomes a file path, so nothing outside {@code assets/} can be reached.
 */
@PermitAll
@Path("/assets")
public class AssetResource {

    static final String CACHE_FOR_EVER = "public, max-age=31536000, immutable";

    @Inject
    CatalogService catalog;

    @GET
    @Path("/{name}")
    public Response asset(@PathParam("name") String name) {
        CatalogService.AssetContent asset = catalog.asset(name).orElseThrow(NotFound::new);
        Response.ResponseBuilder response = Response.ok(asset.bytes(), asset.mediaType())
                .header("Cache-Control", CACHE_FOR_EVER)
                .header("ETag", "\"" + name + "\"")
                .header("X-Content-Type-Options", "nosniff");
        if (asset.mediaType().equals("image/svg+xml")) {
            // checked at load, and defence in depth if the file is opened on its own
            response.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox");
        }
        return response.build();
    }
}
