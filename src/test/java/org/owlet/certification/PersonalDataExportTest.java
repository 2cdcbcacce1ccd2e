package org.owlet.certification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.catalog.model.Course;
import org.owlet.learning.Answer;
import org.owlet.learning.AssessmentService;
import org.owlet.learning.Assignment;
import org.owlet.learning.Attempt;
import org.owlet.learning.AttemptGrant;
import org.owlet.learning.CardSchedule;
import org.owlet.learning.Enrolment;
import org.owlet.learning.EnrolmentService;
import org.owlet.learning.LearnerActions;
import org.owlet.learning.LessonRead;
import org.owlet.learning.RenderedQuestion;
import org.owlet.learning.RightAnswers;
import org.owlet.organization.Company;
import org.owlet.organization.Member;
import org.owlet.organization.MemberService;
import org.owlet.organization.invitation.Invitation;
import org.owlet.reporting.Workshop;
import org.owlet.reporting.WorkshopAttendee;
import org.owlet.testing.Fixtures;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * A member with rows in every table that points at members downloads them all, and nobody else's; erasure then
 * leaves an export that names nobody while the answers keep their person key. Here in certification, the highest
 * of the features it drives (organization, learning, certification).
 */
@QuarkusTest
@Tag("db")
class PersonalDataExportTest {

    static final String COURSE = "sample";

    @Inject
    MemberService members;

    @Inject
    EnrolmentService enrolments;

    @Inject
    AssessmentService learning;

    @Inject
    LearnerActions learner;

    @Inject
    ObjectMapper json;

    /** Reads a lesson, goes through the drill's cards, takes the quiz and passes the final (a certificate), as the pages do. */
    private void learnAndPass(Member member) {
        Course course = enrolments.course(COURSE);
        enrolments.markRead(member, COURSE, "basics");
        learner.answerEveryCard(member, COURSE); // the final's gate: one full pass through the drill
        for (String module : List.of("check", "final")) {
            Attempt attempt = learning.start(member, COURSE, module);
            for (String item : attempt.items()) {
                learner.answer(member, attempt, item, RightAnswers.of(course.item(item).orElseThrow()));
            }
            learning.submit(member, attempt.id, "en");
        }
    }

    /** A workshop attended by the member, as an import would record it (matched by email). */
    private static long attend(Member member, String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Workshop workshop = new Workshop();
            workshop.heldOn = LocalDate.of(2020, 1, 15);
            workshop.country = "GB";
            workshop.language = "en";
            workshop.trainer = "A trainer";
            workshop.topic = "Ivory";
            workshop.createdAt = Instant.now();
            workshop.persist();
            WorkshopAttendee attendee = new WorkshopAttendee();
            attendee.workshop = workshop;
            attendee.member = Member.findById(member.id);
            attendee.personKey = attendee.member.personKey;
            attendee.name = name;
            attendee.email = attendee.member.email;
            attendee.persist();
            return attendee.id;
        });
    }

    private static void grant(Member to, Member by, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            AttemptGrant grant = new AttemptGrant();
            grant.member = Member.findById(to.id);
            grant.courseId = COURSE;
            grant.grantedBy = Member.findById(by.id);
            grant.grantedAt = Instant.now();
            grant.reason = reason;
            grant.persist();
        });
    }

    private static void assign(Member to, Company company, Member by) {
        QuarkusTransaction.requiringNew().run(() -> {
            Assignment assignment = new Assignment();
            assignment.member = to == null ? null : Member.findById(to.id);
            assignment.company = company == null ? null : Company.findById(company.id);
            assignment.courseId = COURSE;
            assignment.dueOn = LocalDate.now().plusDays(30);
            assignment.createdBy = Member.findById(by.id);
            assignment.createdAt = Instant.now();
            assignment.persist();
        });
    }

    /** An invitation to {@code email} from {@code company}, sent by {@code by}, accepted by {@code acceptedBy} if given. */
    private static long invitation(Company company, String email, String name, Member by, Member acceptedBy) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Invitation invitation = new Invitation();
            invitation.company = Company.findById(company.id);
            invitation.email = email;
            invitation.name = name;
            invitation.invitedBy = by == null ? null : Member.findById(by.id);
            invitation.invitedAt = Instant.now();
            invitation.lastSentAt = Instant.now();
            invitation.sendCount = 1;
            if (acceptedBy == null) {
                invitation.status = Invitation.Status.PENDING;
                invitation.pendingEmail = email;
            } else {
                invitation.status = Invitation.Status.ACCEPTED;
                invitation.acceptedAt = Instant.now();
                invitation.member = Member.findById(acceptedBy.id);
            }
            invitation.persist();
            return invitation.id;
        });
    }

    /** The ids of this member's rows in every learning table and their certificates, as the database has them. */
    private static Map<String, Set<Long>> idsInDatabase(Member member) {
        return QuarkusTransaction.requiringNew().call(() -> Map.of(
                "enrolments", ids(Enrolment.<Enrolment> list("member.id", member.id).stream().map(e -> e.id)),
                "lessonsRead", ids(LessonRead.<LessonRead> list("member.id", member.id).stream().map(e -> e.id)),
                "attempts", ids(Attempt.<Attempt> list("member.id", member.id).stream().map(e -> e.id)),
                "answers", ids(Answer.<Answer> list("member.id", member.id).stream().map(e -> e.id)),
                "cardSchedules", ids(CardSchedule.<CardSchedule> list("member.id", member.id).stream().map(e -> e.id)),
                "attemptGrants", ids(AttemptGrant.<AttemptGrant> list("member.id", member.id).stream().map(e -> e.id)),
                "assignments", ids(Assignment.<Assignment> list("member.id", member.id).stream().map(e -> e.id)),
                "questionsShown", ids(RenderedQuestion.<RenderedQuestion> list("member.id", member.id).stream().map(e -> e.id)),
                "certificates", ids(Certificate.<Certificate> list("member.id", member.id).stream().map(e -> e.id))));
    }

    private static Set<Long> ids(Stream<Long> ids) {
        return ids.collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> idsIn(Object rows) {
        return ((List<Map<String, Object>>) rows).stream().map(r -> ((Number) r.get("id")).longValue()).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> export, String name) {
        return (Map<String, Object>) export.get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> section, String name) {
        return (List<Map<String, Object>>) section.get(name);
    }

    @Test
    @TestSecurity(user = "paula@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "paula-personal"), @Claim(key = "name", value = "Paula Personal"),
            @Claim(key = "email", value = "paula@acme.example"),
            @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN) })
    @SuppressWarnings("unchecked")
    void theDownloadHoldsEveryRowOfTheMemberAndNoOneElsesAndErasureLeavesItNamingNobody() throws Exception {
        Company acme = Fixtures.acme();
        given().get("/me").then().statusCode(200);
        Member paula = Fixtures.reload(members.find("paula-personal").orElseThrow());
        Member otto = Fixtures.member(acme, "Otto Other", "otto-" + System.nanoTime() + "@acme.example");
        Member rita = Fixtures.member(acme, "Rita Removed", "rita-" + System.nanoTime() + "@acme.example");
        learnAndPass(paula);
        learnAndPass(otto);
        assign(paula, null, otto);
        assign(otto, null, paula);
        assign(null, acme, otto);
        // both passed, so the service would refuse a grant as not needed; the rows are what this test is about
        grant(paula, otto, "Paula Personal was ill on the day");
        grant(otto, paula, "asked for one more go");
        members.remove(paula, rita.id);
        members.remove(otto, paula.id);
        long paulaInvited = invitation(acme, "paula@acme.example", "Paula P.", otto, paula);
        long paulaInvitedElsewhere = invitation(Fixtures.globex(), "paula@acme.example", "Paula Personal", null, null);
        String ivy = "ivy-" + System.nanoTime() + "@acme.example";
        long paulaSent = invitation(acme, ivy, "Ivy Invited", paula, null);
        long ottoSent = invitation(acme, "olaf-" + System.nanoTime() + "@acme.example", "Olaf", otto, null);

        long paulasAttendance = attend(paula, "Paula Personal");
        long ottosAttendance = attend(otto, "Otto Other");

        Map<String, Set<Long>> paulas = idsInDatabase(paula);
        Map<String, Set<Long>> ottos = idsInDatabase(otto);
        paulas.forEach((table, ids) -> assertThat(ids).as("Paula's %s", table).isNotEmpty());
        ottos.forEach((table, ids) -> assertThat(ids).as("Otto's %s", table).isNotEmpty());

        Map<String, Object> export = json.readValue(given().get("/me/data.json").then().statusCode(200).extract().asString(), Map.class);
        assertThat(export).containsKeys("profile", "administrativeRecords", "certificates", "learning", "invitations");
        Map<String, Object> learningSection = section(export, "learning");
        assertThat(learningSection).containsKeys("enrolments", "lessonsRead", "attempts", "answers", "cardSchedules",
                "attemptGrants", "assignments", "questionsShown", "asAdmin");
        for (String name : List.of("enrolments", "lessonsRead", "attempts", "answers", "cardSchedules", "attemptGrants", "assignments",
                "questionsShown")) {
            assertThat(idsIn(learningSection.get(name))).as(name).isEqualTo(paulas.get(name)).doesNotContainAnyElementsOf(ottos.get(name));
        }
        assertThat(idsIn(export.get("certificates"))).isEqualTo(paulas.get("certificates"))
                .doesNotContainAnyElementsOf(ottos.get("certificates"));

        // readable rows: course and item ids, the raw response, the language, the person key
        assertThat(rows(learningSection, "answers")).allSatisfy(a -> {
            assertThat(a).containsEntry("course", COURSE).containsEntry("language", "en").containsEntry("personKey", paula.personKey)
                    .containsKeys("item", "response", "score", "answeredAt");
            assertThat((String) a.get("response")).startsWith("{");
        });
        assertThat(rows(learningSection, "attempts")).extracting(a -> a.get("module")).contains("check", "final");
        assertThat(rows(learningSection, "lessonsRead")).extracting(r -> r.get("lesson")).containsExactly("basics");
        assertThat(rows(learningSection, "attemptGrants")).singleElement().satisfies(g -> assertThat(g)
                .containsEntry("grantedBy", "Otto Other").containsEntry("reason", "Paula Personal was ill on the day"));
        assertThat(rows(learningSection, "assignments")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("createdBy", "Otto Other"));
        // what Paula did as an admin, naming the other member by id only
        Map<String, Object> asAdmin = section(learningSection, "asAdmin");
        assertThat(rows(asAdmin, "assignmentsCreated")).singleElement()
                .satisfies(a -> assertThat(((Number) a.get("member")).longValue()).isEqualTo(otto.id));
        assertThat(rows(asAdmin, "attemptsGranted")).singleElement()
                .satisfies(g -> assertThat(((Number) g.get("member")).longValue()).isEqualTo(otto.id));
        Map<String, Object> profile = section(export, "profile");
        assertThat(profile).containsEntry("name", "Paula Personal").containsEntry("email", "paula@acme.example")
                .containsEntry("personKey", paula.personKey);
        assertThat(rows(profile, "removedFromCompanies")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("company", "Acme Marketplace").containsEntry("removedBy", "Otto Other"));
        assertThat(rows(profile, "removalsYouMadeAsCompanyAdmin")).singleElement()
                .satisfies(r -> assertThat(((Number) r.get("member")).longValue()).isEqualTo(rita.id));
        assertThat(rows(export, "administrativeRecords")).extracting(e -> e.get("action") + " by " + e.get("by"))
                .contains("member.removed by you", "member.removed by Otto Other <" + otto.email + ">");
        assertThat(json.writeValueAsString(export)).doesNotContain("Rita Removed", rita.email);
        assertThat(rows(section(export, "workshops"), "attended")).extracting(r -> ((Number) r.get("id")).longValue())
                .containsExactly(paulasAttendance).doesNotContain(ottosAttendance);
        // invitations addressed to Paula (accepted, and another company's pending one) and those she sent, by id only
        Map<String, Object> invitations = section(export, "invitations");
        assertThat(idsIn(invitations.get("received"))).containsExactlyInAnyOrder(paulaInvited, paulaInvitedElsewhere);
        assertThat(idsIn(invitations.get("sentAsCompanyAdmin"))).containsExactly(paulaSent).doesNotContain(ottoSent);
        assertThat(json.writeValueAsString(export)).doesNotContain(ivy, "Ivy Invited", "Olaf");

        long answersBefore = paulas.get("answers").size();
        members.erase(paula);

        String erased = json.writeValueAsString(members.export(paula));
        assertThat(erased).doesNotContainIgnoringCase("paula");
        Map<String, Object> after = json.readValue(erased, Map.class);
        assertThat(after).containsKeys("profile", "administrativeRecords", "certificates", "learning");
        assertThat(section(after, "profile")).containsEntry("name", null).containsEntry("email", null)
                .containsEntry("personKey", paula.personKey).containsEntry("company", null);
        assertThat(rows(section(after, "workshops"), "attended")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("name", null).containsEntry("email", null));
        assertThat(rows(section(after, "invitations"), "received")).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("email", null).containsEntry("name", null).containsEntry("status", "ACCEPTED"));
        Invitation elsewhere = QuarkusTransaction.requiringNew().call(() -> Invitation.findById(paulaInvitedElsewhere));
        assertThat(elsewhere.status).isEqualTo(Invitation.Status.WITHDRAWN);
        assertThat(elsewhere.email).isNull();
        assertThat(elsewhere.name).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Invitation.<Invitation> findById(paulaSent).email)).isEqualTo(ivy);
        assertThat(rows(after, "certificates")).isNotEmpty().allSatisfy(c -> assertThat(c).containsEntry("holderName", null));
        assertThat(idsIn(section(after, "learning").get("answers"))).hasSize((int) answersBefore);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Answer.<Answer> list("member.id", paula.id)))
                .hasSize((int) answersBefore).allSatisfy(a -> assertThat(a.personKey).isEqualTo(paula.personKey));
        // the grant Paula made as an admin is about Otto: its reason stays in his records
        assertThat(QuarkusTransaction.requiringNew().call(() -> AttemptGrant.count("member.id = :otto and reason is not null",
                Parameters.with("otto", otto.id)))).isEqualTo(1);
    }
}
