package org.owlet.security;

import static io.restassured.RestAssured.given;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.event.Event;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.owlet.certification.BadInputHooks;
import org.owlet.certification.Certificate;
import org.owlet.learning.Activity;
import org.owlet.learning.Attempt;
import org.owlet.learning.AttemptGrant;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.Company;
import org.owlet.organization.Member;
import org.owlet.organization.Region;
import org.owlet.organization.invitation.Invitation;
import org.owlet.reporting.Workshop;
import org.owlet.security.BadInputProbe.Answer;
import org.owlet.security.BadInputProbe.Field;
import org.owlet.security.BadInputProbe.Place;
import org.owlet.security.BadInputProbe.Probe;
import org.owlet.security.BadInputProbe.Route;
import org.owlet.security.BadInputs.Value;
import org.owlet.security.RouteMatrix.Access;
import org.owlet.security.RouteMatrix.Caller;
import org.owlet.testing.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.oidc.client.OidcTestClient;

/**
 * The data the bad inputs aim at: real ids of the caller's own company and another tenant's (Globex for Acme's admin,
 * Gina's attempt, answers and certificate for Ana), the valid value of every field, and how a stored value is read
 * back. Built through the application (HTTP with bearer tokens) where a user would, through the entities otherwise.
 */
final class BadInputFixtures {

    private static final OidcTestClient OIDC = new OidcTestClient();

    private final Map<Caller, String> tokens = new LinkedHashMap<>();
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    Member acmeMember;
    Member globexMember;
    long anaAttempt;
    long anaDrillAnswer;
    long anaAttemptAnswer;
    String anaKey;
    String anaItem;
    long ginaAttempt;
    long ginaDrillAnswer;
    long ginaAttemptAnswer;
    Certificate anaCertificate;
    Certificate ginaCertificate;
    Certificate revocable;
    long acmeInvitation;
    long globexInvitation;
    long acmeAssignment;
    long globexAssignment;
    long workshop;
    String scratchForm;
    String scratchApi;
    String scratchOther;
    String scratchHtml;
    String ginaToken;

    private static BadInputFixtures shared;

    private BadInputFixtures() {
    }

    /** The fixtures, made once for the test class (a learner's first drill card and quiz attempt happen once). */
    static synchronized BadInputFixtures shared(URI base, Event<FinalAssessmentPassed> passed) {
        if (shared == null) {
            shared = create(base, passed);
        }
        return shared;
    }

    private static BadInputFixtures create(URI base, Event<FinalAssessmentPassed> passed) {
        BadInputFixtures f = new BadInputFixtures();
        Company acme = Fixtures.acme();
        Company globex = Fixtures.globex();
        for (Caller caller : Caller.values()) {
            if (caller.user != null) {
                f.tokens.put(caller, OIDC.getAccessToken(caller.user, caller.user));
                given().auth().oauth2(f.tokens.get(caller)).get("/api/v1/me").then().statusCode(200);
            }
        }
        f.ginaToken = OIDC.getAccessToken("gina@globex.example", "gina@globex.example");
        given().auth().oauth2(f.ginaToken).get("/api/v1/me").then().statusCode(200);
        f.acmeMember = Fixtures.member(acme, "Bad Input Acme " + f.tag, "bad-input-acme-" + f.tag + "@acme.example");
        f.globexMember = Fixtures.member(globex, "Bad Input Globex " + f.tag, "bad-input-globex-" + f.tag + "@globex.example");

        String ana = f.tokens.get(Caller.LEARNER);
        long[] own = f.learnerIds(ana);
        f.anaAttempt = own[0];
        f.anaAttemptAnswer = own[1];
        f.anaDrillAnswer = own[2];
        long[] other = f.learnerIds(f.ginaToken);
        f.ginaAttempt = other[0];
        f.ginaAttemptAnswer = other[1];
        f.ginaDrillAnswer = other[2];

        f.anaCertificate = certificate(passed, memberOf(ana));
        f.ginaCertificate = certificate(passed, memberOf(f.ginaToken));
        f.revocable = certificate(passed, Fixtures.member(acme, "Revocable " + f.tag, "bad-input-revocable-" + f.tag + "@acme.example"));

        f.acmeInvitation = invitation(acme, "bad-input-invitee-" + f.tag + "@acme.example");
        f.globexInvitation = invitation(globex, "bad-input-invitee-" + f.tag + "@globex.example");
        f.acmeAssignment = f.assignment(Caller.ACME_ADMIN, f.acmeMember);
        f.globexAssignment = f.assignment(Caller.GLOBEX_ADMIN, f.globexMember);
        String location = given().auth().oauth2(f.tokens.get(Caller.COALITION_ADMIN)).redirects().follow(false)
                .formParam("heldOn", "2026-01-15").formParam("company", "acme").formParam("country", "NL").formParam("language", "en")
                .formParam("trainer", "Trainer").formParam("topic", "Ivory").formParam("headCount", "12").post("/admin/workshops")
                .then().statusCode(303).extract().header("Location");
        f.workshop = Long.parseLong(location.replaceAll(".*/", ""));
        f.scratchForm = scratch("bad-form-" + f.tag);
        f.scratchApi = scratch("bad-api-" + f.tag);
        f.scratchOther = scratch("bad-other-" + f.tag);
        f.scratchHtml = scratch("bad-html-" + f.tag);
        return f;
    }

    /** The member a token signs in as (by its subject: other tests may hold members with the same email). */
    private static Member memberOf(String token) {
        String subject = given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).extract().path("subject");
        return QuarkusTransaction.requiringNew().call(() -> Member.findBySubject(subject).orElseThrow());
    }

    /** A learner's own attempt, an answer in it and a drill answer, made as the browser would. */
    private long[] learnerIds(String token) {
        given().auth().oauth2(token).redirects().follow(false).post("/learn/sample/enrol").then().statusCode(303);
        Document card = Jsoup
                .parse(given().auth().oauth2(token).get("/learn/sample/drills/cards").then().statusCode(200).extract().asString());
        String drillAnswer = given().auth().oauth2(token).redirects().follow(false)
                .formParam("key", card.selectFirst("input[name=key]").val()).formParam("item", card.selectFirst("input[name=item]").val())
                .formParam("truth", "true").post("/learn/sample/drills/cards/answer").then().statusCode(303).extract().header("Location");
        String attempt = given().auth().oauth2(token).redirects().follow(false).post("/learn/sample/modules/check/start").then()
                .statusCode(303).extract().header("Location");
        long attemptId = Long.parseLong(attempt.replaceAll(".*/", ""));
        Document question = Jsoup.parse(given().auth().oauth2(token).get("/learn/attempts/" + attemptId).then().statusCode(200).extract()
                .asString());
        String key = question.selectFirst("input[name=key]").val();
        String item = question.selectFirst("input[name=item]").val();
        if (token.equals(tokens.get(Caller.LEARNER))) {
            anaKey = key;
            anaItem = item;
        }
        String answer = given().auth().oauth2(token).redirects().follow(false).formParam("key", key).formParam("item", item)
                .formParam("truth", "true").post("/learn/attempts/" + attemptId + "/answer").then().statusCode(303).extract()
                .header("Location");
        return new long[] { attemptId, Long.parseLong(answer.replaceAll(".*/", "")), Long.parseLong(drillAnswer.replaceAll(".*/", "")) };
    }

    /** A passed final and the certificate certification issues for it. */
    private static Certificate certificate(Event<FinalAssessmentPassed> passed, Member member) {
        Instant at = Instant.now();
        Long company = member.company == null ? null : member.company.id;
        long attemptId = QuarkusTransaction.requiringNew().call(() -> {
            Attempt attempt = new Attempt();
            attempt.member = Member.findById(member.id);
            attempt.company = attempt.member.company;
            attempt.courseId = "sample";
            attempt.courseVersion = "1.0";
            attempt.contentHash = "test";
            attempt.moduleId = "final";
            attempt.kind = Activity.FINAL;
            attempt.language = "en";
            attempt.itemIds = "q1";
            attempt.seed = 1;
            attempt.startedAt = at;
            attempt.submittedAt = at;
            attempt.score = 0.92;
            attempt.passed = true;
            attempt.persist();
            return attempt.id;
        });
        passed.fire(new FinalAssessmentPassed(member.id, company, "sample", "1.0", null, "en", 0.92, attemptId, false, at));
        return QuarkusTransaction.requiringNew().call(() -> Certificate.findByAttempt(attemptId).orElseThrow());
    }

    private static long invitation(Company company, String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Invitation invitation = new Invitation();
            invitation.company = Company.findById(company.id);
            invitation.email = email;
            invitation.pendingEmail = email;
            invitation.invitedAt = Instant.now();
            invitation.status = Invitation.Status.PENDING;
            invitation.persist();
            return invitation.id;
        });
    }

    private long assignment(Caller admin, Member member) {
        given().auth().oauth2(tokens.get(admin)).redirects().follow(false).formParam("course", "sample").formParam("to", "member")
                .formParam("member", member.id).formParam("due", "2099-01-01").post("/team/assignments").then().statusCode(303);
        return QuarkusTransaction.requiringNew()
                .call(() -> org.owlet.learning.Assignment.<org.owlet.learning.Assignment> find("member.id", member.id).firstResult().id);
    }

    private static String scratch(String slug) {
        return Fixtures.company(slug, "Scratch " + slug, null, null, Region.OCEANIA).slug;
    }

    // ---- who calls, with which values -------------------------------------------------------------

    Caller callerFor(Route route) {
        Access access = RouteMatrix.EXPECTATIONS.get(route.key());
        if (access == null) {
            return Caller.COALITION_ADMIN; // a route the matrix does not know yet: the widest role
        }
        return switch (access) {
            case PUBLIC -> route.template().equals("/login") ? Caller.LEARNER : Caller.ANONYMOUS;
            case SIGNED_IN -> Caller.LEARNER;
            case COMPANY_ADMIN, ANY_ADMIN -> Caller.ACME_ADMIN;
            case COALITION_ADMIN, TEST_ONLY -> Caller.COALITION_ADMIN;
        };
    }

    String token(Caller caller) {
        return tokens.get(caller);
    }

    boolean fixedPath(Field field) {
        return false;
    }

    /** The valid value of a field: the caller's own ids, a complete form. */
    Value valid(Route route, Field field, int i) {
        String t = route.template();
        String unique = tag + "-" + Integer.toHexString(route.key().hashCode()) + "-" + i;
        if (field.place() == Place.PATH) {
            return text(switch (field.name()) {
                case "courseId" -> "sample";
                case "lessonId" -> "basics";
                case "drillId" -> "cards";
                case "moduleId" -> "check";
                case "itemId" -> "carving-material";
                case "attemptId" -> String.valueOf(anaAttempt);
                case "answerId" -> String.valueOf(t.contains("/drills/") ? anaDrillAnswer : anaAttemptAnswer);
                case "edition", "list" -> "1";
                case "tag" -> "fr";
                case "name" -> "tusk-section.svg";
                case "file" -> t.startsWith("/css/") ? "owlet.css" : "owlet.js";
                case "code" -> anaCertificate.code;
                case "memberId" -> String.valueOf(acmeMember.id);
                case "slug" -> t.endsWith("/completion") ? "acme" : t.startsWith("/api/") ? scratchApi
                        : t.equals("/admin/companies/{slug}") ? scratchForm : scratchOther;
                case "id" -> idFor(t);
                default -> "1";
            });
        }
        return switch (route.key() + " " + field.name()) {
            case "GET /login return", "GET /lang/{tag} return" -> text("/home");
            case "GET /verify code" -> text(anaCertificate.code);
            case "POST /me/certificates/name name" -> text("Ana Example");
            case "POST /admin/certificates/{id}/name name" -> text("Gina Example");
            case "POST /admin/certificates/{id}/name reason", "POST /admin/certificates/{id}/revoke reason" -> text("checked by hand");
            case "POST /admin/companies name", "POST /admin/companies/{slug} name" -> text("Company " + unique);
            case "POST /admin/companies slug" -> text("bi-" + unique);
            case "POST /admin/companies/{slug} slug" -> text(scratchForm);
            case "POST /admin/companies region", "POST /admin/companies/{slug} region" -> text("EUROPE");
            case "POST /admin/companies country", "POST /admin/companies/{slug} country" -> text("NL");
            case "POST /admin/companies joinedOn", "POST /admin/companies/{slug} joinedOn" -> text("2020-01-01");
            case "POST /api/v1/companies name", "PUT /api/v1/companies/{slug} name" -> text("Company " + unique);
            case "POST /api/v1/companies slug" -> text("bi-" + unique);
            case "PUT /api/v1/companies/{slug} slug" -> text(scratchApi);
            case "POST /api/v1/companies region", "PUT /api/v1/companies/{slug} region" -> text("EUROPE");
            case "POST /api/v1/companies country", "PUT /api/v1/companies/{slug} country" -> text("NL");
            case "POST /api/v1/companies joinedOn", "PUT /api/v1/companies/{slug} joinedOn" -> text("2020-01-01");
            case "POST /api/v1/companies active", "PUT /api/v1/companies/{slug} active" -> text("true");
            case "POST /admin/workshops heldOn" -> text("2026-01-15");
            case "POST /admin/workshops company" -> text("acme");
            case "POST /admin/workshops country" -> text("NL");
            case "POST /admin/workshops language" -> text("en");
            case "POST /admin/workshops trainer" -> text("Trainer " + i);
            case "POST /admin/workshops topic" -> text("Ivory " + unique);
            case "POST /admin/workshops headCount" -> text("12");
            case "POST /admin/workshops/{id}/attendees file" -> text("email\nana@acme.example\n");
            case "POST /team/invitations email" -> text("bi-" + unique + "@acme.example");
            case "POST /team/invitations name" -> text("Invitee " + i);
            case "POST /team/invitations/upload file" -> text("email,name\nbi-" + unique + "@acme.example,Uploaded " + i + "\n");
            case "POST /team/assignments course", "POST /team/progress/{memberId}/grant course" -> text("sample");
            case "POST /team/assignments to" -> text("member");
            case "POST /team/assignments member" -> text(String.valueOf(acmeMember.id));
            case "POST /team/assignments due", "POST /team/assignments/{id}/due due" -> text("2099-02-01");
            case "POST /team/progress/{memberId}/grant reason" -> text("another try " + i);
            case "POST /learn/attempts/{attemptId}/answer key", "POST /learn/{courseId}/drills/{drillId}/answer key" -> text(anaKey);
            case "POST /learn/attempts/{attemptId}/answer item", "POST /learn/{courseId}/drills/{drillId}/answer item" -> text(anaItem);
            case "POST /learn/attempts/{attemptId}/answer truth", "POST /learn/{courseId}/drills/{drillId}/answer truth" -> text("true");
            default -> new Value.Omitted();
        };
    }

    private String idFor(String template) {
        if (template.startsWith("/me/certificates/")) {
            return String.valueOf(anaCertificate.id);
        }
        if (template.equals("/admin/certificates/{id}/revoke")) {
            return String.valueOf(revocable.id);
        }
        if (template.startsWith("/admin/certificates/")) {
            return String.valueOf(ginaCertificate.id);
        }
        if (template.startsWith("/team/invitations/")) {
            return String.valueOf(acmeInvitation);
        }
        if (template.startsWith("/team/assignments/")) {
            return String.valueOf(acmeAssignment);
        }
        if (template.startsWith("/admin/workshops/")) {
            return String.valueOf(workshop);
        }
        if (template.startsWith("/review/courses/") || template.startsWith("/api/v1/courses/")) {
            return "sample";
        }
        return String.valueOf(acmeMember.id);
    }

    /** Another tenant's id for this field, or null when the field names nothing a tenant owns. */
    String otherTenant(Route route, Field field) {
        String t = route.template();
        return switch (field.name()) {
            case "attemptId" -> String.valueOf(ginaAttempt);
            case "answerId" -> String.valueOf(t.contains("/drills/") ? ginaDrillAnswer : ginaAttemptAnswer);
            case "memberId", "member" -> String.valueOf(globexMember.id);
            case "slug" -> t.endsWith("/completion") ? "globex" : null;
            case "id" -> t.startsWith("/me/certificates/") ? String.valueOf(ginaCertificate.id)
                    : t.startsWith("/team/invitations/") ? String.valueOf(globexInvitation)
                            : t.startsWith("/team/assignments/") ? String.valueOf(globexAssignment)
                                    : t.startsWith("/team/") || t.startsWith("/api/v1/team/") ? String.valueOf(globexMember.id) : null;
            default -> null;
        };
    }

    private static Value text(String s) {
        return new Value.Text(s);
    }

    void resetRateLimits() {
        BadInputHooks.resetRateLimits();
    }

    // ---- reading back what was stored ---------------------------------------------------------------

    /**
     * For a route that stores text and accepted the probe: the problems found comparing what is stored with what was
     * sent, after the normalisation the service states (surrounding blanks removed; certificate names also collapse
     * inner runs of blanks). Null for routes that store no text.
     */
    List<String> readBack(Probe probe, Answer answer) {
        String key = probe.route().key();
        List<String> problems = new ArrayList<>();
        switch (key) {
            case "POST /me/certificates/name" -> {
                Certificate c = BadInputTest.certificate(anaCertificate.id);
                expect(problems, "name", probe, c.holderName, Norm.COLLAPSE);
                BadInputHooks.forgetNameCorrections(anaCertificate.id);
            }
            case "POST /admin/certificates/{id}/name" -> {
                long id = idSent(probe, "id");
                Certificate c = BadInputTest.certificate(id);
                expect(problems, "name", probe, c.holderName, Norm.COLLAPSE);
                BadInputHooks.forgetNameCorrections(id);
            }
            case "POST /admin/certificates/{id}/revoke" -> {
                long id = idSent(probe, "id");
                Certificate c = BadInputTest.certificate(id);
                expect(problems, "reason", probe, c.revokedReason, Norm.STRIP);
                BadInputHooks.unrevoke(id);
            }
            case "POST /admin/companies", "POST /admin/companies/{slug}", "POST /api/v1/companies", "PUT /api/v1/companies/{slug}" -> {
                String slug = first(probe, "slug").trim();
                Company c = QuarkusTransaction.requiringNew().call(() -> Company.findBySlug(slug).orElse(null));
                if (c == null) {
                    problems.add("accepted, but no company has the slug " + slug);
                } else {
                    expect(problems, "name", probe, c.name, Norm.TRIM);
                    String home = key.startsWith("PUT") ? scratchApi : key.equals("POST /admin/companies/{slug}") ? scratchForm : null;
                    if (home != null && !home.equals(slug)) {
                        renameCompany(slug, home);
                    }
                }
            }
            case "POST /admin/workshops" -> {
                long id = Long.parseLong(answer.location().replaceAll(".*/", ""));
                Workshop w = QuarkusTransaction.requiringNew().call(() -> Workshop.<Workshop> findById(id));
                expect(problems, "trainer", probe, w.trainer, Norm.STRIP);
                expect(problems, "topic", probe, w.topic, Norm.STRIP);
            }
            case "POST /team/invitations" -> {
                String email = first(probe, "email").strip().toLowerCase(java.util.Locale.ROOT);
                Invitation inv = QuarkusTransaction.requiringNew()
                        .call(() -> Invitation.<Invitation> find("email", email).firstResult());
                if (inv == null) {
                    problems.add("accepted, but no invitation for " + email);
                } else {
                    String sent = first(probe, "name");
                    String expected = sent == null || sent.isBlank() ? null : sent.strip();
                    if (!java.util.Objects.equals(expected, inv.name)) {
                        problems.add("name stored as " + shown(inv.name) + ", sent " + shown(sent));
                    }
                }
            }
            case "POST /team/progress/{memberId}/grant" -> {
                long member = idSent(probe, "memberId");
                AttemptGrant g = QuarkusTransaction.requiringNew().call(() -> AttemptGrant
                        .<AttemptGrant> find("member.id = ?1 order by id desc", member).firstResult());
                expect(problems, "reason", probe, g == null ? null : g.reason, Norm.STRIP);
            }
            default -> {
                return null;
            }
        }
        return problems;
    }

    enum Norm { TRIM, STRIP, COLLAPSE }

    /** The id a path was sent with, as the server reads it (a long); the test fails if an unreadable one was accepted. */
    private static long idSent(Probe probe, String field) {
        String sent = probe.sent(field);
        try {
            return Long.parseLong(sent);
        } catch (NumberFormatException e) {
            throw new AssertionError(probe.route().key() + " accepted the " + field + " " + sent);
        }
    }

    private static void expect(List<String> problems, String field, Probe probe, String stored, Norm norm) {
        String sent = first(probe, field);
        if (sent == null) {
            problems.add(field + " was not sent as text (left out, or bytes that are not UTF-8) but the request was accepted, storing "
                    + shown(stored));
            return;
        }
        String expected = switch (norm) {
            case TRIM -> sent.trim();
            case STRIP -> sent.strip();
            case COLLAPSE -> sent.strip().replaceAll("\\s+", " ");
        };
        if (!expected.equals(stored)) {
            problems.add(field + " stored as " + shown(stored) + ", sent " + shown(sent));
        }
    }

    /** The text a field was sent with: the first of repeated values (what the server reads). */
    private static String first(Probe probe, String field) {
        for (Map.Entry<Field, Value> e : probe.values().entrySet()) {
            if (e.getKey().name().equals(field)) {
                Value v = e.getValue();
                // repeated: a form's first value counts (JAX-RS), a JSON member's last (Jackson)
                String text = v instanceof Value.Text t ? t.text()
                        : v instanceof Value.Repeated r ? r.texts().get(e.getKey().place() == Place.JSON ? r.texts().size() - 1 : 0)
                                : v instanceof Value.Raw raw && raw.wire() != null ? BadInputs.decodeStrictly(raw.wire()) : null;
                // what went on the wire: text that UTF-8 cannot carry (a lone surrogate) arrives as '?'
                return text == null ? null : new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String shown(String s) {
        return s == null ? "null" : "\"" + BadInputProbe.abbreviate(s) + "\"";
    }

    // ---- escaping in HTML, PDF and CSV ----------------------------------------------------------------

    /** For each payload: stored through the application, shown as literal text in HTML, the certificate PDF and the CSV. */
    Map<String, String> escapingProblems(List<String> payloads) throws Exception {
        Map<String, String> problems = new LinkedHashMap<>();
        String cora = tokens.get(Caller.COALITION_ADMIN);
        List<String> csvNames = new ArrayList<>();
        for (String payload : payloads) {
            // HTML: a company named with the payload, on the companies list and in the edit form
            given().auth().oauth2(cora).redirects().follow(false).formParam("name", payload).formParam("slug", scratchHtml)
                    .formParam("region", "EUROPE").formParam("country", "NL").formParam("joinedOn", "2020-01-01")
                    .post("/admin/companies/" + scratchHtml).then().statusCode(303);
            String list = given().auth().oauth2(cora).get("/admin/companies").then().statusCode(200).extract().asString();
            if (!Jsoup.parse(list).text().contains(payload)) {
                problems.put("HTML list " + payload, "the name is not shown as text");
            }
            if (payload.matches(".*[<>\"'].*") && list.contains(payload)) {
                problems.put("HTML list " + payload, "the name is in the page unescaped");
            }
            String form = given().auth().oauth2(cora).get("/admin/companies/" + scratchHtml).then().statusCode(200).extract().asString();
            if (!payload.equals(Jsoup.parse(form).selectFirst("input[name=name]").val())) {
                problems.put("HTML form " + payload, "the form does not give the name back as it was stored");
            }
            // PDF: the holder corrects the name; the certificate prints it as text
            BadInputHooks.forgetNameCorrections(ginaCertificate.id);
            given().auth().oauth2(ginaToken).redirects().follow(false).formParam("name", payload).post("/me/certificates/name").then()
                    .statusCode(303);
            BadInputHooks.forgetNameCorrections(ginaCertificate.id);
            byte[] pdf = given().auth().oauth2(ginaToken).get("/me/certificates/" + ginaCertificate.id + "/certificate.pdf").then()
                    .statusCode(200).extract().asByteArray();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                if (!text.contains(payload.strip().replaceAll("\\s+", " "))) {
                    problems.put("PDF " + payload, "the holder name is not in the PDF's text");
                }
            }
            csvNames.add(payload);
        }
        // CSV: members named with the payloads, in the team's member list
        Company acme = Fixtures.acme();
        int n = 0;
        for (String name : csvNames) {
            Fixtures.member(acme, name, "bad-input-csv-" + tag + "-" + (n++) + "@acme.example");
        }
        byte[] csv = given().auth().oauth2(tokens.get(Caller.ACME_ADMIN)).get("/team/members.csv").then().statusCode(200).extract()
                .asByteArray();
        List<String> cells = new ArrayList<>();
        String text = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(text))) {
            record.forEach(cells::add);
        }
        for (String name : csvNames) {
            // a formula-like text may come back neutralised with a leading apostrophe; otherwise exactly as stored
            if (!cells.contains(name) && !cells.contains("'" + name)) {
                problems.put("CSV " + name, "no cell holds the name");
            }
        }
        return problems;
    }

    private static void renameCompany(String slug, String home) {
        QuarkusTransaction.requiringNew().run(() -> Company.findBySlug(slug).ifPresent(c -> c.slug = home));
    }
}
