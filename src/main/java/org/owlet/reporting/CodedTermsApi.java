package org.owlet.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.owlet.reporting.CodedTermList.SourceRef;
import org.owlet.reporting.CodedTermList.Term;
import org.owlet.web.Csv;
import org.owlet.web.Languages;
import org.owlet.web.Roles;
import org.owlet.web.TimeSource;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;

/**
 * The coded-term list ({@link CodedTermList}) for company and coalition admins: JSON, or CSV when asked with
 * {@code Accept: text/csv} or {@code ?format=csv}. {@code lang} is one of the interface's language tags (default
 * {@code en}); another is refused with a 400 listing them. JSON carries {@code definition}, {@code generatedAt} and
 * {@code owletVersion}; the CSV stays one plain table and repeats generation time and version in its last two columns.
 */
@RolesAllowed({ Roles.COMPANY_ADMIN, Roles.COALITION_ADMIN })
@Path("/api/v1/coded-terms")
public class CodedTermsApi {

    static final MediaType CSV = MediaType.valueOf("text/csv");

    static final List<String> CSV_HEADER = List.of("course", "course_version", "item", "term", "term_language", "language", "meaning",
            "category", "subject", "species", "source_titles", "source_urls", "generated_at", "owlet_version");

    @Inject
    CodedTermList list;

    @Inject
    TimeSource time;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    @GET
    @RolesAllowed({ "company-admin", "coalition-admin" })
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    public Response terms(@QueryParam("lang") String lang, @QueryParam("format") String format, @Context HttpHeaders headers) {
        String language = lang == null || lang.isBlank() ? Languages.DEFAULT.tag() : lang;
        if (!Languages.isKnown(language)) {
            throw new InvalidInput("analysis", new FieldError("lang", "codedterms_unknown_language", language));
        }
        boolean csv = csv(format, headers);
        List<Term> terms = list.terms(language);
        String generatedAt = time.now().toString();
        if (csv) {
            return Csv.download("owlet-coded-terms-" + language + ".csv", CSV_HEADER, out -> {
                for (Term t : terms) {
                    out.row(t.course(), t.courseVersion(), t.item(), t.term(), t.termLanguage(), t.language(), t.meaning(),
                            String.join("; ", t.category()), t.subject(), String.join("; ", t.species()),
                            t.sources().stream().map(SourceRef::title).collect(Collectors.joining(" | ")),
                            t.sources().stream().map(SourceRef::url).collect(Collectors.joining(" | ")), generatedAt, version);
                }
            });
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("definition", CodedTermList.DEFINITION);
        body.put("language", language);
        body.put("generatedAt", generatedAt);
        body.put("owletVersion", version);
        body.put("count", terms.size());
        body.put("terms", terms);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** CSV when {@code format=csv}, JSON when {@code format=json}; otherwise the first acceptable of the two. */
    private static boolean csv(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidInput("analysis", new FieldError("format", "codedterms_unknown_format", format));
            };
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType()) {
                return false;
            }
            if (accepted.isCompatible(CSV)) {
                return true;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
