package org.owlet.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.organization.Company;
import org.owlet.reporting.TrainedFigures.Dimension;
import org.owlet.reporting.TrainedFigures.Group;
import org.owlet.reporting.TrainedFigures.Persons;
import org.owlet.web.Csv;
import org.owlet.web.TimeSource;

/**
 * The coalition's exports, JSON or CSV, built on {@link TrainedFigures} like the dashboard, so both show the same
 * numbers. Every export states what it counts (the definition), the period or day, the filters, when it was made and
 * by which version of Owlet. Groups are named by a stable key (a company's slug, a region's code, a country's ISO code,
 * a course id, a language tag; {@code individual} for learners without a company) and an English label.
 */
@ApplicationScoped
public class CoalitionReport {

    public static final String INDIVIDUAL = "individual";
    public static final String WORKSHOPS = "workshop";
    static final String PSEUDONYMS = "Each person is an HMAC-SHA256 of their pseudonymous person key under a random salt made for this "
            + "one export and never stored or shown: the same person has the same id everywhere in this export and another id "
            + "in the next, and no id leads back to a person.";

    @Inject
    TrainedFigures figures;

    @Inject
    CatalogService catalog;

    @Inject
    TimeSource time;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    /** Every company by id (as the figures' group keys write it), in one query for a whole breakdown. */
    static Map<String, Company> companiesById() {
        Map<String, Company> companies = new java.util.HashMap<>();
        Company.<Company> listAll().forEach(c -> companies.put(c.id.toString(), c));
        return companies;
    }

    /** The key a group is published under. */
    private String key(Dimension dimension, String raw, Map<String, Company> companies) {
        if (raw == null) {
            return INDIVIDUAL;
        }
        if (dimension == Dimension.COMPANY) {
            Company company = companies.get(raw);
            return company == null ? raw : company.slug;
        }
        return raw;
    }

    /** A group's English label. */
    private String label(Dimension dimension, String raw, Map<String, Company> companies) {
        if (raw == null) {
            return "Individual learners";
        }
        return switch (dimension) {
            case COMPANY -> {
                Company company = companies.get(raw);
                yield company == null ? raw : company.name;
            }
            case REGION -> {
                String words = raw.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
                yield Character.toUpperCase(words.charAt(0)) + words.substring(1);
            }
            case COURSE -> WORKSHOPS.equals(raw) ? "Workshops" : catalog.course(raw).map(Course::title).map(t -> t.in("en")).orElse(raw);
            case LANGUAGE -> java.util.Locale.forLanguageTag(raw).getDisplayName(java.util.Locale.ENGLISH);
            case COUNTRY -> new java.util.Locale("", raw).getDisplayCountry(java.util.Locale.ENGLISH);
        };
    }

    private Map<String, Object> about(String report, String definition, Map<String, Object> scope, Map<String, Object> filters) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("report", report);
        about.put("definition", definition);
        about.putAll(scope);
        about.put("filters", filters);
        about.put("generatedAt", time.now().toString());
        about.put("owletVersion", version);
        return about;
    }

    private Map<String, Object> filters(Dimension groupBy, boolean audit) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("groupBy", groupBy == null ? null : groupBy.code());
        filters.put("minGroupSize", figures.minGroupSize());
        filters.put("audit", audit);
        return filters;
    }

    /** Trained employees in a period, optionally by one dimension, optionally with the persons behind each count. */
    public Map<String, Object> trained(Period period, Dimension groupBy, boolean audit) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("period", Map.of("from", period.from().toString(), "to", period.to().toString(), "name", period.name()));
        Map<String, Object> body = about("trained-employees", TrainedFigures.DEFINITION_TRAINED, scope, filters(groupBy, audit));
        TrainedFigures.Totals t = figures.totals(period);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("elearning", t.elearning());
        totals.put("workshop", t.workshop());
        totals.put("combined", t.combined());
        totals.put("headCount", t.headCount());
        totals.put("companies", t.companies());
        totals.put("regions", t.regions());
        totals.put("countries", t.countries());
        body.put("totals", totals);
        TrainedFigures.Pseudonyms pseudonyms = audit ? new TrainedFigures.Pseudonyms() : null;
        Map<String, Persons> persons = audit && groupBy != null ? figures.persons(groupBy, period, pseudonyms) : Map.of();
        if (audit) {
            body.put("pseudonyms", PSEUDONYMS);
            Map<String, Persons> all = figures.persons(null, period, pseudonyms);
            body.put("totalPersons", all.getOrDefault("total", new Persons(List.of(), List.of(), 0)));
        }
        if (groupBy != null) {
            List<Map<String, Object>> groups = new ArrayList<>();
            Map<String, Company> companies = companiesById();
            for (Group g : figures.by(groupBy, period)) {
                Map<String, Object> row = group(groupBy, g, companies);
                if (audit && !g.suppressed()) {
                    row.put("persons", persons.getOrDefault(g.key() == null ? "" : g.key(), new Persons(List.of(), List.of(), 0)));
                }
                groups.add(row);
            }
            body.put("groups", groups);
        }
        return body;
    }

    /** Persons holding a valid certificate on a day, optionally by one dimension. */
    public Map<String, Object> certified(LocalDate at, Dimension groupBy) {
        Map<String, Object> body = about("certified-employees", TrainedFigures.DEFINITION_CERTIFIED, Map.of("at", at.toString()),
                filters(groupBy, false));
        TrainedFigures.Certified c = figures.certified(at, groupBy);
        body.put("total", c.total());
        if (groupBy != null) {
            Map<String, Company> companies = companiesById();
            body.put("groups", c.groups().stream().map(g -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("key", key(groupBy, g.key(), companies));
                row.put("label", label(groupBy, g.key(), companies));
                row.put("certified", g.combined());
                row.put("suppressed", g.suppressed());
                return row;
            }).toList());
        }
        return body;
    }

    private Map<String, Object> group(Dimension dimension, Group g, Map<String, Company> companies) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", key(dimension, g.key(), companies));
        row.put("label", label(dimension, g.key(), companies));
        row.put("elearning", g.elearning());
        row.put("workshop", g.workshop());
        row.put("combined", g.combined());
        row.put("suppressed", g.suppressed());
        return row;
    }

    /** The same export as CSV: what it is first (name, value rows), then the table. */
    @SuppressWarnings("unchecked")
    public Response csv(Map<String, Object> report, String filename) {
        List<List<Object>> about = new ArrayList<>();
        report.forEach((name, value) -> {
            if (value instanceof Map<?, ?> map && !"totals".equals(name) && !"totalPersons".equals(name)) {
                map.forEach((k, v) -> about.add(List.of(name + "." + k, v == null ? "" : v)));
            } else if (!(value instanceof List) && !(value instanceof Map)) {
                about.add(List.of(name, value == null ? "" : value));
            }
        });
        boolean certified = report.containsKey("total");
        List<Map<String, Object>> groups = (List<Map<String, Object>>) report.getOrDefault("groups", List.of());
        boolean audit = Boolean.TRUE.equals(((Map<String, Object>) report.get("filters")).get("audit"));
        if (audit) {
            return Csv.download(filename, about, List.of("group", "label", "source", "person", "headCount"), out -> {
                Persons total = (Persons) report.get("totalPersons");
                auditRows(out, "total", "All", total);
                for (Map<String, Object> g : groups) {
                    if (g.get("persons") instanceof Persons p) {
                        auditRows(out, (String) g.get("key"), (String) g.get("label"), p);
                    }
                }
            });
        }
        if (certified) {
            return Csv.download(filename, about, List.of("group", "label", "certified", "suppressed"), out -> {
                out.row("total", "All", report.get("total"), false);
                for (Map<String, Object> g : groups) {
                    out.row(g.get("key"), g.get("label"), g.get("certified"), g.get("suppressed"));
                }
            });
        }
        Map<String, Object> totals = (Map<String, Object>) report.get("totals");
        return Csv.download(filename, about, List.of("group", "label", "elearning", "workshop", "combined", "suppressed"), out -> {
            out.row("total", "All", totals.get("elearning"), totals.get("workshop"), totals.get("combined"), false);
            for (Map<String, Object> g : groups) {
                out.row(g.get("key"), g.get("label"), g.get("elearning"), g.get("workshop"), g.get("combined"), g.get("suppressed"));
            }
        });
    }

    private static void auditRows(Csv.Row out, String key, String label, Persons p) throws java.io.IOException {
        for (String id : p.elearning()) {
            out.row(key, label, "elearning", id, null);
        }
        for (String id : p.workshop()) {
            out.row(key, label, "workshop", id, null);
        }
        if (p.headCount() > 0) {
            out.row(key, label, "headcount", null, p.headCount());
        }
    }
}
