package org.owlet.organization.invitation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.organization.AuditEntry;
import org.owlet.organization.Company;
import org.owlet.organization.Member;
import org.owlet.organization.MemberService;
import org.owlet.testing.Fixtures;
import org.owlet.testing.MovableTime;
import org.owlet.web.TimeSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;

/** Acme's admin invites staff: one at a time and from CSV, resends, withdraws; invitations are accepted on joining. */
@QuarkusTest
@Tag("db")
@TestSecurity(user = "carl@acme.example", roles = { "learner", "company-admin" })
@OidcSecurity(claims = { @Claim(key = "sub", value = "carl-subject"), @Claim(key = "name", value = "Carl Acme"),
        @Claim(key = "email", value = "carl@acme.example"),
        @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
        @Claim(key = "organization", value = "[\"acme\"]", type = ClaimType.JSON_ARRAY) })
class InvitationResourceTest {

    /** An Instance: the keycloak profile builds the same application without the double. */
    @Inject
    Instance<RecordingInvitationSender> senders;

    RecordingInvitationSender sender;

    @Inject
    MemberService members;

    MovableTime time;
    String tag;

    @BeforeEach
    void setUp() {
        Fixtures.acme();
        Fixtures.globex();
        sender = senders.get();
        sender.reset();
        time = MovableTime.startingNow();
        QuarkusMock.installMockForType(time, TimeSource.class);
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        sender.reset();
    }

    private String address(String who) {
        return who + "." + tag + "@acme.example";
    }

    private static Response invite(String email, String name, boolean outside) {
        var request = given().redirects().follow(false).formParam("email", email).formParam("name", name);
        if (outside) {
            request.formParam("outside", "on");
        }
        return request.post("/team/invitations");
    }

    private static Document page(String path) {
        return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
    }

    private static Invitation stored(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Invitation.<Invitation> find("email = ?1 order by id desc", email)
                .firstResultOptional().orElse(null));
    }

    private static List<String> auditDetails(String action) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.<AuditEntry> list("action = ?1 order by id", action).stream().map(e -> e.details).toList());
    }

    @Test
    void anInvitationIsEmailedThroughKeycloakAndShownAsPending() {
        String email = address("nora");
        Response response = invite("  Nora." + tag + "@ACME.example ", "Nora van Dijk", false);
        assertThat(response.statusCode()).isEqualTo(303);
        Invitation invitation = stored(email);
        assertThat(response.getHeader("Location")).endsWith("/team/invitations?invited=" + invitation.id);
        assertThat(sender.callsFor(email)).containsExactly(
                new RecordingInvitationSender.Call("invite", "acme", email, "Nora van", "Dijk"));
        assertThat(invitation.status).isEqualTo(Invitation.Status.PENDING);
        assertThat(invitation.sendCount).isEqualTo(1);
        assertThat(invitation.lastSentAt).isNotNull();
        assertThat(invitation.sendFailure).isNull();

        Document page = page("/team/invitations?invited=" + invitation.id);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Invitations to Acme Marketplace");
        assertThat(page.selectFirst("#notice").text()).isEqualTo("The invitation was emailed to " + email + ".");
        assertThat(page.select("tr[data-invitation=" + invitation.id + "]").text()).contains(email, "Nora van Dijk", "Pending",
                "Emailed on");
        assertThat(auditDetails("invitation.sent")).contains("invitation #" + invitation.id + ": emailed");
        assertThat(page("/team/members").select("a[href=/team/invitations]")).hasSize(1);
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedAndRecordsNothing() {
        Response response = invite("not-an-address", "Nils", false);
        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select(".error-summary a[href=#email]").text()).isEqualTo("This is not a valid email address.");
        assertThat(page.selectFirst("#email").attr("value")).isEqualTo("not-an-address");
        assertThat(page.selectFirst("#name").attr("value")).isEqualTo("Nils");
        assertThat(sender.calls()).isEmpty();
        assertThat(stored("not-an-address")).isNull();
    }

    @Test
    void currentMembersAndPendingInvitationsAreNotInvitedTwice() {
        String memberEmail = address("mia");
        Fixtures.member(Fixtures.acme(), "Mia Member", memberEmail);
        Response member = invite(memberEmail.toUpperCase(), "", false);
        assertThat(member.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(member.asString()).select(".error-summary").text()).contains("already a member of your team");

        String email = address("paul");
        assertThat(invite(email, "", false).statusCode()).isEqualTo(303);
        Response again = invite(email, "", false);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(again.asString()).select(".error-summary").text())
                .contains("already has a pending invitation");
        assertThat(sender.callsFor(email)).hasSize(1);
    }

    @Test
    void anAddressOutsideTheCompanysDomainsNeedsTheAdminsConfirmation() {
        String email = "olga." + tag + "@contractor.example";
        Response unconfirmed = invite(email, "Olga", false);
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(unconfirmed.asString());
        assertThat(page.select(".error-summary a[href=#outside]").text()).contains("Tick the box");
        assertThat(page.selectFirst("label:has(#outside)").text()).contains("outside acme.example");
        assertThat(invite(email, "Olga", true).statusCode()).isEqualTo(303);
        assertThat(sender.callsFor(email)).hasSize(1);
    }

    @Test
    void withoutEmailSendingTheInvitationIsRecordedAndThePageSaysNoEmailWentOut() {
        sender.configured(false);
        Document page = page("/team/invitations");
        assertThat(page.selectFirst("#sending").text()).contains("Email sending is not configured", "acme.example");
        assertThat(page.selectFirst("#invite-form button").text()).isEqualTo("Record the invitation (no email is sent)");
        assertThat(page.select("#outside")).isEmpty();

        String email = address("rita");
        Response response = invite(email, "Rita", false);
        assertThat(response.statusCode()).isEqualTo(303);
        Invitation invitation = stored(email);
        assertThat(invitation.sendFailure).isEqualTo(SendFailure.NOT_CONFIGURED);
        assertThat(invitation.lastSentAt).isNull();
        assertThat(sender.calls()).isEmpty();
        Document after = page("/team/invitations?invited=" + invitation.id);
        assertThat(after.selectFirst("#notice").text()).isEqualTo("The invitation to " + email
                + " is recorded, but no email was sent. Email sending is not configured in Owlet.");
        assertThat(after.select("tr[data-invitation=" + invitation.id + "]").text()).contains("Not emailed:")
                .doesNotContain("Emailed on");
        assertThat(after.select("form[action=/team/invitations/" + invitation.id + "/resend]")).isEmpty();

        Response outside = invite("sam." + tag + "@contractor.example", "", true);
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(outside.asString()).select(".error-summary").text())
                .contains("Without email sending, only people with an address at your domains can join");
    }

    @Test
    void whenKeycloakIsDownTheInvitationIsKeptAsNotSentAndCanBeResentLater() {
        sender.failWith(SendFailure.UNREACHABLE);
        String email = address("dora");
        Response response = invite(email, "Dora", false);
        assertThat(response.statusCode()).isEqualTo(303);
        Invitation invitation = stored(email);
        assertThat(invitation.sendFailure).isEqualTo(SendFailure.UNREACHABLE);
        assertThat(invitation.lastSentAt).isNull();
        assertThat(invitation.sendCount).isZero();
        Document page = page("/team/invitations?invited=" + invitation.id);
        assertThat(page.selectFirst("#notice").text()).contains("is recorded, but no email was sent",
                "could not be reached. Try again later.");
        assertThat(page.html()).doesNotContain("Exception");
        assertThat(auditDetails("invitation.sent")).contains("invitation #" + invitation.id + ": not emailed (unreachable)");

        sender.failWith(SendFailure.ALREADY_INVITED);
        given().redirects().follow(false).post("/team/invitations/" + invitation.id + "/resend").then().statusCode(303);
        assertThat(page("/team/invitations?resent=" + invitation.id).selectFirst("#notice").text())
                .contains("was not emailed again", "already has an invitation for this address");

        sender.failWith(null);
        given().redirects().follow(false).post("/team/invitations/" + invitation.id + "/resend").then().statusCode(303);
        Invitation resent = stored(email);
        assertThat(resent.sendFailure).isNull();
        assertThat(resent.sendCount).isEqualTo(1);
        assertThat(sender.callsFor(email)).hasSize(3);
        assertThat(auditDetails("invitation.resent")).contains("invitation #" + invitation.id + ": emailed");
    }

    @Test
    void aResendWaitsAfterTheLastEmailAndStopsAfterTheMaximum() {
        String email = address("rose");
        invite(email, "", false).then().statusCode(303);
        long id = stored(email).id;
        Response tooSoon = given().redirects().follow(false).post("/team/invitations/" + id + "/resend");
        assertThat(tooSoon.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(tooSoon.asString()).selectFirst("#notice").text())
                .contains("was emailed less than 15 minutes ago", "You can send it again from");
        assertThat(sender.callsFor(email)).hasSize(1);
        for (int sent = 2; sent <= 5; sent++) {
            time.advance(Duration.ofMinutes(16));
            given().redirects().follow(false).post("/team/invitations/" + id + "/resend").then().statusCode(303);
        }
        assertThat(stored(email).sendCount).isEqualTo(5);
        time.advance(Duration.ofMinutes(16));
        Response tooMany = given().redirects().follow(false).post("/team/invitations/" + id + "/resend");
        assertThat(tooMany.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(tooMany.asString()).selectFirst("#notice").text()).contains("already been emailed 5 times");
        assertThat(sender.callsFor(email)).hasSize(5);
    }

    @Test
    void aWithdrawnInvitationLeavesTheListIsCancelledInKeycloakAndCanBeMadeAgain() {
        String email = address("walt");
        invite(email, "", false).then().statusCode(303);
        long id = stored(email).id;
        Response withdrawn = given().redirects().follow(false).post("/team/invitations/" + id + "/withdraw");
        assertThat(withdrawn.statusCode()).isEqualTo(303);
        assertThat(withdrawn.getHeader("Location")).endsWith("/team/invitations?withdrawn=" + id);
        assertThat(stored(email).status).isEqualTo(Invitation.Status.WITHDRAWN);
        assertThat(sender.callsFor(email)).extracting(RecordingInvitationSender.Call::kind).containsExactly("invite", "withdraw");
        Document page = page("/team/invitations?withdrawn=" + id);
        assertThat(page.selectFirst("#notice").text()).isEqualTo("The invitation to " + email + " is withdrawn.");
        assertThat(page.select("tr[data-invitation=" + id + "]")).isEmpty();
        assertThat(auditDetails("invitation.withdrawn")).contains("invitation #" + id);
        given().redirects().follow(false).post("/team/invitations/" + id + "/withdraw").then().statusCode(404);
        assertThat(invite(email, "", false).statusCode()).isEqualTo(303);
    }

    @Test
    void anInvitationIsAcceptedWhenAMemberWithThatAddressJoinsTheCompany() {
        String email = address("ada");
        invite(email, "Ada", false).then().statusCode(303);
        long id = stored(email).id;
        Member joined = members.signedIn(new MemberService.Profile("ada-" + tag, "Ada Lovelace", email.toUpperCase(), true, "en",
                List.of()));
        Invitation accepted = stored(email);
        assertThat(accepted.status).isEqualTo(Invitation.Status.ACCEPTED);
        assertThat(accepted.acceptedAt).isNotNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Invitation.<Invitation> findById(id).member.id))
                .isEqualTo(joined.id);
        Document page = page("/team/invitations");
        assertThat(page.select("tr[data-invitation=" + id + "]").text()).contains("Accepted on");
        assertThat(page.select("form[action=/team/invitations/" + id + "/resend]")).isEmpty();
        assertThat(auditDetails("invitation.accepted")).contains("invitation #" + id);
    }

    @Test
    void anotherCompanysInvitationsAreNeitherShownNorTouched() {
        String email = "gert." + tag + "@globex.example";
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Invitation invitation = new Invitation();
            invitation.company = Company.findBySlug("globex").orElseThrow();
            invitation.email = email;
            invitation.pendingEmail = email;
            invitation.invitedAt = time.now();
            invitation.status = Invitation.Status.PENDING;
            invitation.persist();
            return invitation.id;
        });
        assertThat(given().get("/team/invitations").then().statusCode(200).extract().asString()).doesNotContain(email);
        given().redirects().follow(false).post("/team/invitations/" + id + "/resend").then().statusCode(404);
        given().redirects().follow(false).post("/team/invitations/" + id + "/withdraw").then().statusCode(404);
        assertThat(given().get("/team/invitations?invited=" + id).then().statusCode(200).extract().asString()).doesNotContain(email);
        assertThat(stored(email).status).isEqualTo(Invitation.Status.PENDING);
        assertThat(sender.calls()).isEmpty();
    }

    private static Response upload(String csv, boolean outside) {
        var request = given().multiPart("file", "staff.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        if (outside) {
            request.multiPart("outside", "on");
        }
        return request.post("/team/invitations/upload");
    }

    @Test
    void aCsvWithBadRowsIsRefusedWholeWithEveryProblemByRowAndField() {
        String good = address("gina");
        String csv = "email,name\n" + good + ",Gina Good\nbroken@@acme.example,Bad Row\n\n" + good + ",Twice\n"
                + address("long") + "," + "x".repeat(201) + "\nout." + tag + "@elsewhere.example,Out\n";
        Response response = upload(csv, false);
        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("#upload-result p").first().text()).startsWith("4 problems were found, so nothing was imported");
        assertThat(page.select("#upload-result li").eachText()).containsExactly(
                "Row 3, email: This is not a valid email address. broken@@acme.example",
                "Row 5, email: This address appears more than once in the file. " + good,
                "Row 6, name: The name is too long (at most 200 characters) or contains control characters.",
                "Row 7, email: This address is not at one of your company's email domains. Tick the box to confirm it belongs to one of your staff. out."
                        + tag + "@elsewhere.example");
        assertThat(stored(good)).isNull();
        assertThat(sender.calls()).isEmpty();
    }

    @Test
    void aGoodCsvInvitesEveryRowAndSaysWhichWereNotEmailed() {
        String first = address("una");
        String second = address("vic");
        String third = "wes." + tag + "@elsewhere.example";
        sender.failFor(second, SendFailure.UNREACHABLE);
        String csv = "\uFEFFName;Email\nUna Uno;" + first + "\nVic;" + second + "\n;" + third + "\n";
        Response response = upload(csv, true);
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.selectFirst("#upload-result p").text()).isEqualTo("3 invitations are recorded; 2 of them were emailed.");
        assertThat(page.select("#upload-result li").eachText())
                .containsExactly("Row 3, email: " + second + ": The sign-in service (Keycloak) could not be reached. Try again later.");
        assertThat(stored(first).name).isEqualTo("Una Uno");
        assertThat(stored(second).sendFailure).isEqualTo(SendFailure.UNREACHABLE);
        assertThat(stored(third).status).isEqualTo(Invitation.Status.PENDING);
        assertThat(sender.calls()).hasSize(3);
    }

    @Test
    void aCsvOverTheSizeLimitIsRefusedWithItsLimit() {
        StringBuilder csv = new StringBuilder("email\n");
        while (csv.length() <= 262144) {
            csv.append("someone.").append(csv.length()).append("@acme.example\n");
        }
        Response response = upload(csv.toString(), false);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.asString()).selectFirst("#upload-result p").text())
                .isEqualTo("The file is larger than 256 KB. Split it into smaller files and upload them one by one.");
        assertThat(sender.calls()).isEmpty();

        Response noColumn = upload("address,name\nx@acme.example,X\n", false);
        assertThat(noColumn.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(noColumn.asString()).selectFirst("#upload-result p").text()).contains("none is called email");
    }
}
