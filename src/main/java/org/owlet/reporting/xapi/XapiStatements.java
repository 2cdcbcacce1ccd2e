package org.owlet.reporting.xapi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Module;
import org.owlet.catalog.model.Text;
import org.owlet.certification.Certificate;
import org.owlet.learning.Activity;
import org.owlet.learning.Attempt;
import org.owlet.organization.Member;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns Owlet's records into xAPI 1.0.3 statements: final and refresher attempts ({@code passed}/{@code failed}, with
 * the score), passed finals ({@code completed} course) and certificates ({@code received}). The actor is the
 * pseudonymous person key as an account on the public URL (or, if configured, the email); the statement id is a
 * name-based UUID (version 5) of the public URL, the kind and the record id, so the same record always gives the same
 * statement id and a resend is idempotent at the LRS. Callers run inside a transaction.
 */
@ApplicationScoped
public class XapiStatements {

    public static final String VERSION = "1.0.3";
    static final String COURSE_TYPE = "http://adlnet.gov/expapi/activities/course";
    static final String ASSESSMENT_TYPE = "http://adlnet.gov/expapi/activities/assessment";
    /** The certificate activity type of the xAPI vocabulary (registered by the Tin Can registry, listed by ADL's). */
    static final String CERTIFICATE_TYPE = "http://id.tincanapi.com/activitytype/certificate";
    /** RFC 4122's namespace for names that are URLs. */
    private static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
    /** Milliseconds, UTC: what every LRS keeps, so a stored statement reads back equal. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    /** One statement and the record it reports. */
    public record Statement(RecordKind kind, long recordId, UUID id, Instant at, ObjectNode json) {
    }

    private static final String ATTEMPTS = "from Attempt a join fetch a.member left join fetch a.company"
            + " where a.submittedAt is not null and a.passed is not null and a.kind in (:kinds)";
    private static final String CERTIFICATES = "from Certificate c join fetch c.member left join fetch c.company where 1 = 1";
    private static final String NOT_DONE = " and not exists (select 1 from XapiSent s where s.recordKind = :recordKind"
            + " and s.recordId = %s.id and (s.status = :sent or s.nextAttemptAt > :now))";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    CatalogService catalog;

    @Inject
    XapiConfig config;

    @ConfigProperty(name = "owlet.public-url")
    String publicUrl;

    /** Every statement about attempts submitted and certificates issued in {@code [from, to)}, oldest first. */
    public List<Statement> inPeriod(Instant from, Instant to) {
        List<Statement> statements = new ArrayList<>();
        Map<String, Optional<Course>> courses = new HashMap<>();
        em.createQuery(ATTEMPTS + " and a.submittedAt >= :from and a.submittedAt < :to", Attempt.class)
                .setParameter("kinds", List.of(Activity.FINAL, Activity.REFRESHER)).setParameter("from", from).setParameter("to", to)
                .getResultList().forEach(a -> {
                    statements.add(attempt(Boolean.TRUE.equals(a.passed) ? RecordKind.PASSED : RecordKind.FAILED, a, courses));
                    if (Boolean.TRUE.equals(a.passed) && a.kind == Activity.FINAL) {
                        statements.add(attempt(RecordKind.COMPLETED, a, courses));
                    }
                });
        em.createQuery(CERTIFICATES + " and c.issuedAt >= :from and c.issuedAt < :to", Certificate.class).setParameter("from", from)
                .setParameter("to", to).getResultList().forEach(c -> statements.add(certificate(c, courses)));
        statements.sort(ORDER);
        return statements;
    }

    /** Statements never sent, or failed and due for another try at {@code now}; at most {@code limit}, oldest first. */
    public List<Statement> unsent(Instant now, int limit) {
        List<Statement> statements = new ArrayList<>();
        Map<String, Optional<Course>> courses = new HashMap<>();
        for (RecordKind kind : RecordKind.values()) {
            if (kind == RecordKind.CERTIFICATE) {
                notDone(em.createQuery(CERTIFICATES + NOT_DONE.formatted("c") + " order by c.issuedAt, c.id", Certificate.class), kind,
                        now).setMaxResults(limit).getResultList().forEach(c -> statements.add(certificate(c, courses)));
            } else {
                String which = kind == RecordKind.FAILED ? " and a.passed = false" : " and a.passed = true"; // passed, completed
                List<Activity> kinds = kind == RecordKind.COMPLETED ? List.of(Activity.FINAL) : List.of(Activity.FINAL, Activity.REFRESHER);
                notDone(em.createQuery(ATTEMPTS + which + NOT_DONE.formatted("a") + " order by a.submittedAt, a.id", Attempt.class),
                        kind, now).setParameter("kinds", kinds).setMaxResults(limit).getResultList()
                        .forEach(a -> statements.add(attempt(kind, a, courses)));
            }
        }
        statements.sort(ORDER);
        return statements.size() > limit ? new ArrayList<>(statements.subList(0, limit)) : statements;
    }

    private static <T> TypedQuery<T> notDone(TypedQuery<T> query, RecordKind kind, Instant now) {
        return query.setParameter("recordKind", kind).setParameter("sent", XapiSent.Status.SENT).setParameter("now", now);
    }

    private static final Comparator<Statement> ORDER = Comparator.comparing(Statement::at).thenComparing(Statement::kind)
            .thenComparingLong(Statement::recordId);

    /** The statement id of a record's statement: stable for a deployment (its public URL), kind and record. */
    public UUID statementId(RecordKind kind, long recordId) {
        return nameBased(base() + "/xapi/statements/" + kind.name().toLowerCase(Locale.ROOT) + "/" + recordId);
    }

    /** An RFC 4122 version 5 (SHA-1, name-based) UUID of {@code name} in the URL namespace. */
    static UUID nameBased(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(URL_NAMESPACE.getMostSignificantBits())
                    .putLong(URL_NAMESPACE.getLeastSignificantBits()).array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    private Statement attempt(RecordKind kind, Attempt a, Map<String, Optional<Course>> courses) {
        Optional<Course> course = courses.computeIfAbsent(a.courseId + "@" + a.contentHash,
                k -> catalog.course(a.courseId, a.contentHash).or(() -> catalog.course(a.courseId)));
        UUID id = statementId(kind, a.id);
        ObjectNode s = start(id, kind, a.member);
        ObjectNode result;
        ObjectNode context;
        double score = a.score == null ? 0 : a.score;
        if (kind == RecordKind.COMPLETED) {
            s.set("object", courseActivity(a.courseId, course));
            result = s.putObject("result");
            result.putObject("score").put("scaled", decimal(score, 4));
            result.put("success", true).put("completion", true);
            context = context(s, a.language, a.member, a.courseId, a.company == null ? null : a.company.slug);
        } else {
            Text title = course.flatMap(c -> c.module(a.moduleId)).map(Module::title).filter(t -> !t.isEmpty())
                    .orElse(course.map(Course::title).orElse(Text.NONE));
            s.set("object", activity(courseIri(a.courseId) + "/assessments/" + a.moduleId, ASSESSMENT_TYPE, title, a.moduleId));
            result = s.putObject("result");
            int items = a.items().size();
            result.putObject("score").put("scaled", decimal(score, 4)).put("raw", decimal(score * items, 2)).put("min", 0)
                    .put("max", items);
            result.put("success", Boolean.TRUE.equals(a.passed)).put("completion", true);
            Duration took = Duration.between(a.startedAt, a.submittedAt);
            if (!took.isNegative()) {
                result.put("duration", Duration.ofMillis(took.toMillis() / 10 * 10).toString());
            }
            context = context(s, a.language, a.member, a.courseId, a.company == null ? null : a.company.slug);
            child(context, "contextActivities").putArray("parent").add(courseActivity(a.courseId, course));
            child(context, "extensions").put(extension("refresher"), a.kind == Activity.REFRESHER);
        }
        child(context, "extensions").put(extension("course-version"), a.courseVersion);
        s.put("timestamp", TIMESTAMP.format(a.submittedAt));
        return new Statement(kind, a.id, id, a.submittedAt, s);
    }

    private Statement certificate(Certificate c, Map<String, Optional<Course>> courses) {
        Optional<Course> course = courses.computeIfAbsent(c.courseId + "@" + c.contentHash,
                k -> catalog.course(c.courseId, c.contentHash).or(() -> catalog.course(c.courseId)));
        UUID id = statementId(RecordKind.CERTIFICATE, c.id);
        ObjectNode s = start(id, RecordKind.CERTIFICATE, c.member);
        Text title = course.map(Course::title).filter(t -> !t.isEmpty()).orElse(new Text(Map.of(c.language, c.courseTitle)));
        s.set("object", activity(courseIri(c.courseId) + "/certificate", CERTIFICATE_TYPE, title, c.courseId));
        s.putObject("result").put("success", true).put("completion", true);
        ObjectNode context = context(s, c.language, c.member, c.courseId, c.company == null ? null : c.company.slug);
        child(context, "contextActivities").putArray("parent").add(courseActivity(c.courseId, course));
        // the pass that earned it
        context.putObject("statement").put("objectType", "StatementRef").put("id", statementId(RecordKind.PASSED, c.attemptId).toString());
        child(context, "extensions").put(extension("course-version"), c.courseVersion).put(extension("refresher"), c.refresher)
                .put(extension("valid-until"), c.expiresOn.toString());
        s.put("timestamp", TIMESTAMP.format(c.issuedAt));
        return new Statement(RecordKind.CERTIFICATE, c.id, id, c.issuedAt, s);
    }

    private ObjectNode start(UUID id, RecordKind kind, Member member) {
        ObjectNode s = json.createObjectNode();
        s.put("id", id.toString());
        s.put("version", VERSION);
        s.set("actor", actor(member));
        ObjectNode verb = s.putObject("verb").put("id", kind.verb().iri);
        verb.putObject("display").put("en-US", kind.verb().display);
        return s;
    }

    /** Exactly one identifier: the person key as an account, or (if configured and known) the email. */
    private ObjectNode actor(Member member) {
        ObjectNode actor = json.createObjectNode().put("objectType", "Agent");
        if (config.actor() == XapiConfig.ActorIdentity.EMAIL && member.email != null && !member.email.isBlank() && !member.isErased()) {
            if (member.displayName != null && !member.displayName.isBlank()) {
                actor.put("name", member.displayName);
            }
            actor.put("mbox", "mailto:" + member.email.strip());
        } else {
            actor.putObject("account").put("homePage", base()).put("name", member.personKey);
        }
        return actor;
    }

    private ObjectNode context(ObjectNode s, String language, Member member, String courseId, String companySlug) {
        ObjectNode context = s.putObject("context");
        // one registration per learner and course: the enrolment that the attempts, completion and certificates belong to
        context.put("registration", nameBased(base() + "/xapi/registrations/" + member.personKey + "/" + courseId).toString());
        context.put("platform", "Owlet");
        if (language != null) {
            context.put("language", language);
        }
        if (companySlug != null) {
            child(context, "extensions").put(extension("company"), companySlug);
        }
        return context;
    }

    private ObjectNode courseActivity(String courseId, Optional<Course> course) {
        return activity(courseIri(courseId), COURSE_TYPE, course.map(Course::title).orElse(Text.NONE), courseId);
    }

    private ObjectNode activity(String iri, String type, Text name, String fallbackName) {
        ObjectNode activity = json.createObjectNode().put("objectType", "Activity").put("id", iri);
        ObjectNode definition = activity.putObject("definition");
        ObjectNode names = definition.putObject("name");
        if (name.isEmpty()) {
            names.put("und", fallbackName);
        } else {
            name.byLanguage().forEach(names::put);
        }
        definition.put("type", type);
        return activity;
    }

    private String courseIri(String courseId) {
        return base() + "/courses/" + courseId;
    }

    private String extension(String name) {
        return base() + "/xapi/extensions/" + name;
    }

    String base() {
        return publicUrl.replaceAll("/+$", "");
    }

    private static double decimal(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }

    /** The statements as one JSON array, as POSTed to an LRS and returned by the export. */
    public ArrayNode array(List<Statement> statements) {
        ArrayNode array = json.createArrayNode();
        statements.forEach(s -> array.add(s.json()));
        return array;
    }

    /** The object member {@code name} of {@code parent}, added if absent. */
    private static ObjectNode child(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode existing ? existing : parent.putObject(name);
    }
}
