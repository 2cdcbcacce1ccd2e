package org.owlet.catalog;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.owlet.catalog.model.Course;
import org.owlet.catalog.view.CourseView;
import org.owlet.web.Languages;
import org.owlet.web.LocaleResolver;
import org.owlet.web.errors.NotFound;

import io.quarkus.security.Authenticated;

/**
 * The catalog as learner-safe JSON: courses, modules, lessons and items without answer keys. The
 * language is {@code ?lang=} or the caller's language; a course not offered in it comes in its default language.
 */
@Authenticated
@Path("/api/v1/courses")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogApi {

    @Inject
    CatalogService catalog;

    @Inject
    LocaleResolver locales;

    @GET
    public List<CourseView.Summary> courses(@QueryParam("lang") String lang) {
        String language = language(lang);
        return catalog.courses().stream().map(c -> catalog.summary(c, language)).toList();
    }

    /** The current version, or the version with content hash {@code ?hash=} (as recorded by an attempt). */
    @GET
    @Path("/{id}")
    public CourseView course(@PathParam("id") String id, @QueryParam("lang") String lang, @QueryParam("hash") String hash) {
        Course course = (hash == null || hash.isBlank() ? catalog.course(id) : catalog.course(id, hash))
                .orElseThrow(NotFound::new);
        return catalog.learnerView(course, language(lang));
    }

    private String language(String requested) {
        return Languages.match(requested).orElse(locales.language()).tag();
    }
}
