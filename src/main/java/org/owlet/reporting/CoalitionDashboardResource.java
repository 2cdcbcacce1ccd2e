package org.owlet.reporting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.organization.Company;
import org.owlet.reporting.TrainedFigures.Dimension;
import org.owlet.reporting.TrainedFigures.Group;
import org.owlet.web.LocaleResolver;
import org.owlet.web.TimeSource;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The coalition admin's reporting dashboard: trained employees in a period (e-learning, workshops, combined), in total
 * and by company, region, country, course and language, the headline sentence in the coalition's reporting shape, a
 * monthly trend, and links to the same figures as JSON and CSV (with or without the audit file).
 */
@Path("/admin/reports")
@RolesAllowed("coalition-admin")
public class CoalitionDashboardResource {

    /**
     * A group as the page names it: {@code reportKey} or {@code orgKey} is a message key (learners without a company, a
     * region), otherwise {@code label} is the name.
     */
    public record GroupView(String label, String reportKey, String orgKey, Group figures) {
    }

    /** One breakdown table. */
    public record Breakdown(String code, List<GroupView> groups) {
    }

    /** A quick choice of period. */
    public record QuickPeriod(String key, String value, boolean current) {
    }

    /** What the period form holds. */
    public record PeriodForm(String period, String from, String to) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reports(Period period, PeriodForm form, List<QuickPeriod> quick, TrainedFigures.Totals totals,
                long certifiedAtEnd, List<Breakdown> breakdowns, String chart, List<TrainedFigures.Month> months, String query,
                int minGroupSize, List<FieldError> errors);
    }

    @Inject
    TrainedFigures figures;

    @Inject
    CatalogService catalog;

    @Inject
    LocaleResolver locales;

    @Inject
    TimeSource time;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("period") String period, @QueryParam("from") String from, @QueryParam("to") String to) {
        PeriodForm form = new PeriodForm(period, from, to);
        LocalDate today = time.today();
        try {
            Period p = Period.parse(period, from, to, today);
            return Response.ok(render(p, form, List.of())).build();
        } catch (InvalidInput invalid) {
            return Response.status(400).entity(render(Period.lastYear(today), form, invalid.errors())).build();
        }
    }

    private TemplateInstance render(Period period, PeriodForm form, List<FieldError> errors) {
        String lang = locales.language().tag();
        Locale locale = Locale.forLanguageTag(lang);
        List<Breakdown> breakdowns = new ArrayList<>();
        java.util.Map<String, Company> companies = CoalitionReport.companiesById();
        for (Dimension d : Dimension.values()) {
            breakdowns.add(new Breakdown(d.code(), figures.by(d, period).stream().map(g -> view(d, g, lang, locale, companies)).toList()));
        }
        List<TrainedFigures.Month> months = figures.monthly(period.trendMonths());
        String chart = SvgChart.bars(months.stream().map(m -> new SvgChart.Bar(monthLabel(m.month(), locale), (int) m.combined()))
                .toList(), "");
        String query = "from=" + period.from() + "&to=" + period.to();
        return Templates.reports(period, form, quick(period, time.today()), figures.totals(period),
                figures.certified(period.to(), null).total(), breakdowns, chart, months, query, figures.minGroupSize(), errors);
    }

    private GroupView view(Dimension d, Group g, String lang, Locale locale, java.util.Map<String, Company> companies) {
        if (g.key() == null) {
            return new GroupView(null, "individual", null, g);
        }
        return switch (d) {
            case COMPANY -> {
                Company company = companies.get(g.key());
                yield new GroupView(company == null ? g.key() : company.name, null, null, g);
            }
            case REGION -> new GroupView(null, null, "region_" + g.key().toLowerCase(Locale.ROOT), g);
            case COUNTRY -> new GroupView(new Locale("", g.key()).getDisplayCountry(locale), null, null, g);
            case COURSE -> CoalitionReport.WORKSHOPS.equals(g.key()) ? new GroupView(null, "workshops_label", null, g)
                    : new GroupView(catalog.course(g.key()).map(Course::title).map(t -> t.in(lang)).orElse(g.key()), null, null, g);
            case LANGUAGE -> new GroupView(org.owlet.web.Languages.match(g.key()).map(org.owlet.web.Languages.Language::nativeName)
                    .orElseGet(() -> Locale.forLanguageTag(g.key()).getDisplayName(locale)), null, null, g);
        };
    }

    private static String monthLabel(YearMonth month, Locale locale) {
        return month.getMonth().getDisplayName(TextStyle.SHORT, locale) + (month.getMonthValue() == 1 ? " " + month.getYear() : "");
    }

    /** Last year, this year, last quarter, last month. */
    private static List<QuickPeriod> quick(Period current, LocalDate today) {
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        int quarter = (today.getMonthValue() - 1) / 3; // the last complete quarter: 0 means Q4 of last year
        String lastQuarter = quarter == 0 ? (today.getYear() - 1) + "-Q4" : today.getYear() + "-Q" + quarter;
        List<QuickPeriod> quick = new ArrayList<>();
        for (String[] q : new String[][] { { "period_last_year", Integer.toString(today.getYear() - 1) },
                { "period_this_year", Integer.toString(today.getYear()) }, { "period_last_quarter", lastQuarter },
                { "period_last_month", lastMonth.toString() } }) {
            Period p = Period.parse(q[1], null, null, today);
            quick.add(new QuickPeriod(q[0], URLEncoder.encode(q[1], StandardCharsets.UTF_8), p.from().equals(current.from())
                    && p.to().equals(current.to())));
        }
        return quick;
    }
}
