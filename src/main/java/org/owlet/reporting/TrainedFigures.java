package org.owlet.reporting;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The coalition's figures: trained employees in a period and staff certified on a day, in total and by company,
 * region, country, course and language. One aggregate SQL statement per figure serves the dashboard and every export.
 * <p>
 * Definitions (also on the dashboard, in the README and inside every export):
 * <ul>
 * <li>A <em>trained employee</em> in a period is a distinct person (pseudonymous person key) who earned a certificate,
 * first or renewal, dated in the period. Revoked certificates never count.</li>
 * <li><em>Currently certified</em> on a day: distinct persons holding a certificate valid that day.</li>
 * <li>A person counts for the company stated on the certificate (the company at the time) and for that company's region
 * and country (workshops: the workshop's company); learners without a company count in the totals under "individual",
 * never in a company's figures.
 * Erased learners still count: their person key stays.</li>
 * <li>Workshop attendees count separately; e-learning and workshops combined count a person trained both ways once.
 * Attendees recorded only as a head count cannot be told apart and are added as they are.</li>
 * </ul>
 * A person who earned certificates for two companies, courses or languages in the period counts once in each of those
 * groups and once in the total, so the groups of a breakdown may add up to more than the total.
 */
@ApplicationScoped
public class TrainedFigures {

    public static final String DEFINITION_TRAINED = "A trained employee in a period is a distinct person (pseudonymous person key) "
            + "who earned a certificate, first or renewal, dated in the period; revoked certificates never count. A person counts "
            + "for the company stated on the certificate (the company at the time) and that company's region and country; learners "
            + "without a company count under 'individual'. Workshop attendees count separately; combined counts a person trained "
            + "online and in a workshop once; head-count-only attendees are added as they are. A person in several groups counts "
            + "once in each and once in the total.";
    public static final String DEFINITION_CERTIFIED = "Currently certified on a day: distinct persons (pseudonymous person key) "
            + "holding a certificate valid that day (issued on or before it, expiring on or after it, not revoked), counted for the "
            + "company stated on the certificate and that company's region and country; learners without a company count under "
            + "'individual'.";

    /** What a breakdown groups by. */
    public enum Dimension {
        COMPANY("t.company_id"), REGION("t.region"), COUNTRY("t.country"), COURSE("t.course"), LANGUAGE("t.lang");

        final String column;

        Dimension(String column) {
            this.column = column;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static java.util.Optional<Dimension> of(String code) {
            for (Dimension d : values()) {
                if (d.code().equals(code)) {
                    return java.util.Optional.of(d);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /**
     * One group of a breakdown; {@code key} is null for learners without a company (or region, country). With a
     * suppression threshold, a group whose combined count is below it has {@code suppressed} set and no counts.
     */
    public record Group(String key, Long elearning, Long workshop, Long combined, boolean suppressed) {
    }

    /** The period's totals. */
    public record Totals(long elearning, long workshop, long combined, long headCount, long companies, long regions,
            long countries) {
    }

    /** Trained persons in one month (e-learning and combined). */
    public record Month(YearMonth month, long elearning, long combined) {
    }

    /** Certified persons on a day, in total and per group. */
    public record Certified(LocalDate at, long total, List<Group> groups) {
    }

    /** The persons behind one count, as pseudonyms valid in this one export, and the head count added to them. */
    public record Persons(List<String> elearning, List<String> workshop, long headCount) {
    }

    /** Largest group first, then by key; suppressed groups after the others, learners without a group last. */
    private static final java.util.Comparator<Group> ORDER = java.util.Comparator.comparing((Group g) -> g.key() == null)
            .thenComparing(Group::suppressed).thenComparing(g -> g.combined() == null ? 0 : -g.combined())
            .thenComparing(Group::key, java.util.Comparator.nullsLast(TrainedFigures::compareKeys));

    /** Company ids compare as numbers (9 before 10), other keys as text. */
    private static int compareKeys(String a, String b) {
        boolean numbers = a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit) && !a.isEmpty() && !b.isEmpty();
        return numbers ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : a.compareTo(b);
    }

    @Inject
    EntityManager em;

    @ConfigProperty(name = "owlet.reports.min-group-size", defaultValue = "0")
    int minGroupSize;

    /** Every training record of the period: e-learning certificates, named workshop attendees, workshop head counts. */
    private static final String RECORDS = """
            SELECT 'e' AS src, c.person_key AS person, c.company_id AS company_id, co.region AS region, co.country AS country,
                   c.course_id AS course, c.language AS lang, c.issued_on AS on_day, 0 AS heads
              FROM certificate c LEFT JOIN company co ON co.id = c.company_id
             WHERE c.issued_on BETWEEN :from AND :to AND c.revoked_at IS NULL
            UNION ALL
            SELECT 'w', a.person_key, w.company_id, co.region, co.country,
                   'workshop', w.language, w.held_on, 0
              FROM workshop_attendee a JOIN workshop w ON w.id = a.workshop_id LEFT JOIN company co ON co.id = w.company_id
             WHERE w.held_on BETWEEN :from AND :to
            UNION ALL
            SELECT 'h', NULL, w.company_id, co.region, co.country,
                   'workshop', w.language, w.held_on, w.head_count
              FROM workshop w LEFT JOIN company co ON co.id = w.company_id
             WHERE w.held_on BETWEEN :from AND :to AND w.head_count > 0
            """;

    /**
     * The period's counts per group ({@code keys}: the grouping expressions over the records, none for the total): first
     * one row per group and person (hash aggregation), then the groups, so each count is a sum over that small set
     * instead of a COUNT(DISTINCT …) that sorts every record again. Columns: the keys, then persons with e-learning,
     * persons with a workshop, persons with either, and the workshops' head counts.
     */
    static String counts(List<String> keys) {
        StringBuilder inner = new StringBuilder();
        StringBuilder outer = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            inner.append(keys.get(i)).append(" AS k").append(i).append(", ");
            outer.append(i == 0 ? "" : ", ").append("p.k").append(i);
        }
        String groups = keys.isEmpty() ? "" : String.join(", ", keys) + ", ";
        return "SELECT " + (keys.isEmpty() ? "" : outer + ", ")
                + "COALESCE(SUM(p.e), 0), COALESCE(SUM(p.w), 0), COUNT(p.person), COALESCE(SUM(p.heads), 0) FROM (SELECT " + inner
                + "t.person AS person, MAX(CASE WHEN t.src = 'e' THEN 1 ELSE 0 END) AS e, MAX(CASE WHEN t.src = 'w' THEN 1 ELSE 0 END) AS w, "
                + "SUM(t.heads) AS heads FROM (" + RECORDS + ") t GROUP BY " + groups + "t.person) p"
                + (keys.isEmpty() ? "" : " GROUP BY " + outer);
    }

    /** How many companies, regions and countries the period's records name (a few dozen groups, hashed first). */
    private static final String SPREAD = "SELECT COUNT(DISTINCT g.company_id), COUNT(DISTINCT g.region), COUNT(DISTINCT g.country) FROM "
            + "(SELECT t.company_id AS company_id, t.region AS region, t.country AS country FROM (" + RECORDS
            + ") t GROUP BY t.company_id, t.region, t.country) g";

    public int minGroupSize() {
        return minGroupSize;
    }

    @Transactional
    public Totals totals(Period period) {
        Object[] row = (Object[]) query(counts(List.of()), period).getSingleResult();
        Object[] spread = (Object[]) query(SPREAD, period).getSingleResult();
        long heads = num(row[3]);
        return new Totals(num(row[0]), num(row[1]) + heads, num(row[2]) + heads, heads, num(spread[0]), num(spread[1]), num(spread[2]));
    }

    /** The period's figures by one dimension, largest combined count first (then by key; "individual" last). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Group> by(Dimension dimension, Period period) {
        List<Object[]> rows = query(counts(List.of(dimension.column)), period).getResultList();
        List<Group> groups = new ArrayList<>();
        for (Object[] row : rows) {
            long heads = num(row[4]);
            groups.add(group(row[0] == null ? null : row[0].toString(), num(row[1]), num(row[2]) + heads, num(row[3]) + heads));
        }
        groups.sort(ORDER);
        return groups;
    }

    /** Trained persons per month, over the months given (a person trained in two months counts in each). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Month> monthly(List<YearMonth> months) {
        Period span = new Period(months.get(0).atDay(1), months.get(months.size() - 1).atEndOfMonth(), "trend");
        Map<YearMonth, long[]> byMonth = new TreeMap<>();
        for (Object[] row : (List<Object[]>) query(counts(List.of("EXTRACT(YEAR FROM t.on_day)", "EXTRACT(MONTH FROM t.on_day)")), span)
                .getResultList()) {
            long heads = num(row[5]);
            byMonth.put(YearMonth.of((int) num(row[0]), (int) num(row[1])), new long[] { num(row[2]), num(row[4]) + heads });
        }
        return months.stream().map(m -> {
            long[] n = byMonth.getOrDefault(m, new long[2]);
            return new Month(m, n[0], n[1]);
        }).toList();
    }

    /** Persons holding a valid certificate on {@code at}, in total and by {@code dimension} (or no groups when null). */
    @Transactional
    @SuppressWarnings("unchecked")
    public Certified certified(LocalDate at, Dimension dimension) {
        String records = """
                SELECT c.person_key AS person, c.company_id AS company_id, co.region AS region, co.country AS country,
                       c.course_id AS course, c.language AS lang
                  FROM certificate c LEFT JOIN company co ON co.id = c.company_id
                 WHERE c.issued_on <= :at AND c.expires_on >= :at AND c.revoked_at IS NULL""";
        // one row per person (or group and person) first, hashed, then counted: no sort of every certificate
        long total = num(em.createNativeQuery("SELECT COUNT(*) FROM (SELECT t.person FROM (" + records + ") t GROUP BY t.person) p")
                .setParameter("at", at).getSingleResult());
        List<Group> groups = new ArrayList<>();
        if (dimension != null) {
            for (Object[] row : (List<Object[]>) em.createNativeQuery("SELECT p.k, COUNT(*) FROM (SELECT " + dimension.column
                    + " AS k, t.person FROM (" + records + ") t GROUP BY " + dimension.column + ", t.person) p GROUP BY p.k")
                    .setParameter("at", at).getResultList()) {
                long n = num(row[1]);
                groups.add(group(row[0] == null ? null : row[0].toString(), n, 0, n));
            }
            groups.sort(ORDER);
        }
        return new Certified(at, total, groups);
    }

    /**
     * The persons behind every count of a breakdown, as pseudonyms: HMAC-SHA256 of the person key under a salt made
     * for this one export and never shown, so that the same person has the same pseudonym everywhere in the export (an
     * auditor can check there is no double counting) and a different one in the next export, and no pseudonym leads
     * back to a person key. Keys of the map are the groups' keys ({@code "total"} for the total, {@code ""} for
     * learners without a group).
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<String, Persons> persons(Dimension dimension, Period period, Pseudonyms pseudonyms) {
        String column = dimension == null ? "'total'" : dimension.column;
        List<Object[]> rows = query("SELECT " + column + ", t.src, t.person, t.heads FROM (" + RECORDS + ") t", period).getResultList();
        Map<String, TreeSet<String>[]> sets = new TreeMap<>();
        Map<String, Long> heads = new TreeMap<>();
        for (Object[] row : rows) {
            String key = row[0] == null ? "" : row[0].toString();
            String src = row[1].toString();
            if ("h".equals(src)) {
                heads.merge(key, num(row[3]), Long::sum);
                sets.computeIfAbsent(key, k -> newSets());
                continue;
            }
            String pseudonym = pseudonyms.of(row[2].toString());
            sets.computeIfAbsent(key, k -> newSets())["e".equals(src) ? 0 : 1].add(pseudonym);
        }
        Map<String, Persons> persons = new LinkedHashMap<>();
        sets.forEach((key, s) -> persons.put(key, new Persons(List.copyOf(s[0]), List.copyOf(s[1]), heads.getOrDefault(key, 0L))));
        return persons;
    }

    @SuppressWarnings("unchecked")
    private static TreeSet<String>[] newSets() {
        return new TreeSet[] { new TreeSet<String>(), new TreeSet<String>() };
    }

    /** The pseudonyms of one export: HMAC-SHA256 under a random salt made for it, kept nowhere else. */
    public static final class Pseudonyms {
        private final Mac mac;

        public Pseudonyms() {
            try {
                byte[] salt = new byte[32];
                new SecureRandom().nextBytes(salt);
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        }

        /** 80 bits of the HMAC, in hex. */
        public String of(String personKey) {
            return HexFormat.of().formatHex(mac.doFinal(personKey.getBytes(StandardCharsets.UTF_8))).substring(0, 20);
        }
    }

    private Group group(String key, long elearning, long workshop, long combined) {
        if (minGroupSize > 0 && combined > 0 && combined < minGroupSize) {
            return new Group(key, null, null, null, true);
        }
        return new Group(key, elearning, workshop, combined, false);
    }

    private Query query(String sql, Period period) {
        return em.createNativeQuery(sql).setParameter("from", period.from()).setParameter("to", period.to());
    }

    private static long num(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
