package org.owlet.reporting;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.reporting.ItemAnalysis.Kind;
import org.owlet.reporting.ItemStatistics.Figures;
import org.owlet.reporting.ItemStatistics.LanguageFigures;
import org.owlet.web.Csv;
import org.owlet.web.LocaleResolver;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;
import org.owlet.web.errors.NotFound;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Item analysis for course authors, beside the course review: per item and language, counted answers, facility,
 * discrimination (item–rest point-biserial), choice shares and median time, with the cross-language flag
 * ({@link ItemStatistics}); as a page and as CSV. Access: coalition admins, like every page under /review
 * (application.properties, "Roles").
 */
@Path("/review/analysis")
@RolesAllowed("coalition-admin")
public class ItemAnalysisResource {

    /** A choice with its share of the answers, formatted; {@code key} when it is (part of) the answer key. */
    public record Share(String choice, boolean key, String percent) {
    }

    /** One line of the table: all languages ({@code language} null) or one language. */
    public record Line(String language, int answers, String facility, String discrimination, String medianSeconds, List<Share> shares,
            boolean compared, boolean facilityOff, boolean discriminationOff) {
    }

    /** An item with its all-language line and one line per language. */
    public record ItemLines(String id, String type, boolean known, boolean flagged, Line all, List<Line> languages) {

        /** The rows the item takes in the table: all languages, then each language. */
        public int rows() {
            return languages.size() + 1;
        }
    }

    /** A course as the filter lists it. */
    public record CourseChoice(String id, String title) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance analysis(List<CourseChoice> courses, String course, String courseTitle, String kind,
                List<String> kinds, List<ItemLines> items, int answers, int flagged, String csvLink, int minAnswers, String facilityGap,
                String discriminationGap);
    }

    @Inject
    CatalogService catalog;

    @Inject
    ItemAnalysis analysis;

    @Inject
    LocaleResolver locales;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("course") String courseId, @QueryParam("kind") String kindCode) {
        Course course = course(courseId);
        Kind kind = kind(kindCode);
        String lang = locales.language().tag();
        Locale locale = locales.locale();
        List<ItemLines> items = new ArrayList<>();
        for (ItemAnalysis.Row row : analysis.of(course, kind)) {
            Set<String> keyed = keyed(row.item());
            List<Line> languages = row.result().languages().stream().map(l -> line(l.language(), l.figures(), keyed, locale, l))
                    .toList();
            items.add(new ItemLines(row.itemId(), row.item() == null ? "" : row.item().type(), row.item() != null,
                    row.result().flagged(), line(null, row.result().all(), keyed, locale, null), languages));
        }
        int answers = items.stream().mapToInt(i -> i.all().answers()).sum();
        int flagged = (int) items.stream().filter(ItemLines::flagged).count();
        List<CourseChoice> courses = catalog.courses().stream()
                .map(c -> new CourseChoice(c.id(), c.title().in(lang, c.defaultLanguage()))).toList();
        return Templates.analysis(courses, course.id(), course.title().in(lang, course.defaultLanguage()), kind.code(),
                java.util.Arrays.stream(Kind.values()).map(Kind::code).toList(), items, answers, flagged,
                "/review/analysis/items.csv?course=" + course.id() + "&kind=" + kind.code(), ItemStatistics.MIN_ANSWERS,
                decimal(ItemStatistics.FACILITY_GAP, locale), decimal(ItemStatistics.DISCRIMINATION_GAP, locale));
    }

    /**
     * The same figures as the page, one row per item and language plus one per item for all languages ({@code language}
     * {@code all}). Shares, facility and discrimination are plain numbers (4 decimals, negative ones too); an undefined
     * discrimination or time is an empty cell; {@code choices} lists {@code id=share} pairs, the key marked with
     * {@code *}.
     */
    @GET
    @Path("/items.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("course") String courseId, @QueryParam("kind") String kindCode) {
        Course course = course(courseId);
        Kind kind = kind(kindCode);
        List<ItemAnalysis.Row> rows = analysis.of(course, kind);
        List<String> header = List.of("course", "kind", "item", "type", "language", "answers", "facility", "discrimination",
                "median_seconds", "compared", "facility_differs", "discrimination_differs", "item_flagged", "choices");
        return Csv.download("item-analysis-" + course.id() + "-" + kind.code() + ".csv", header, out -> {
            for (ItemAnalysis.Row row : rows) {
                Set<String> keyed = keyed(row.item());
                String type = row.item() == null ? "" : row.item().type();
                boolean flagged = row.result().flagged();
                Figures all = row.result().all();
                out.row(course.id(), kind.code(), row.itemId(), type, "all", all.answers(), round(all.facility()),
                        round(all.discrimination()), round(all.medianSeconds()), "", "", "", flagged ? "yes" : "no",
                        choices(all, keyed));
                for (LanguageFigures l : row.result().languages()) {
                    Figures f = l.figures();
                    out.row(course.id(), kind.code(), row.itemId(), type, l.language(), f.answers(), round(f.facility()),
                            round(f.discrimination()), round(f.medianSeconds()), l.compared() ? "yes" : "no",
                            l.facilityOff() ? "yes" : "no", l.discriminationOff() ? "yes" : "no", flagged ? "yes" : "no",
                            choices(f, keyed));
                }
            }
        });
    }

    private Course course(String courseId) {
        if (courseId == null || courseId.isBlank()) {
            return catalog.courses().stream().findFirst().orElseThrow(() -> new NotFound("no course"));
        }
        return catalog.course(courseId).orElseThrow(() -> new NotFound("course " + courseId));
    }

    private static Kind kind(String code) {
        if (code == null || code.isBlank()) {
            return Kind.BOTH;
        }
        return Kind.of(code).orElseThrow(() -> new InvalidInput("analysis", new FieldError("kind", "analysis_kind_unknown", code)));
    }

    /** The choices the answer key names: options, target regions, the decision, the truth value. */
    static Set<String> keyed(Item item) {
        if (item == null) {
            return Set.of();
        }
        AnswerKey key = item.key();
        if (key instanceof AnswerKey.Choice c) {
            return c.correct();
        } else if (key instanceof AnswerKey.Regions r) {
            return r.targets();
        } else if (key instanceof AnswerKey.Triage t) {
            return Set.of(t.decision().name().toLowerCase(Locale.ROOT));
        } else if (key instanceof AnswerKey.Truth t) {
            return Set.of(String.valueOf(t.value()));
        }
        return Set.of();
    }

    private static Line line(String language, Figures f, Set<String> keyed, Locale locale, LanguageFigures l) {
        List<Share> shares = f.choiceShares().entrySet().stream()
                .map(e -> new Share(e.getKey(), keyed.contains(e.getKey()), percent(e.getValue(), locale))).toList();
        return new Line(language, f.answers(), decimal(f.facility(), locale),
                f.discrimination() == null ? "—" : decimal(f.discrimination(), locale),
                f.medianSeconds() == null ? "—" : oneDecimal(f.medianSeconds(), locale), shares, l != null && l.compared(),
                l != null && l.facilityOff(), l != null && l.discriminationOff());
    }

    private static String choices(Figures f, Set<String> keyed) {
        return f.choiceShares().entrySet().stream()
                .map(e -> e.getKey() + (keyed.contains(e.getKey()) ? "*" : "") + "=" + round(e.getValue()))
                .collect(Collectors.joining("; "));
    }

    static Double round(Double value) {
        return value == null ? null : Math.round(value * 10_000) / 10_000.0;
    }

    static String decimal(double value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    private static String oneDecimal(double value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    private static String percent(double share, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(Math.round(share * 100));
    }
}
