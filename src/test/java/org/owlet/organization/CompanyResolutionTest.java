package org.owlet.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.testing.Fixtures;
import org.owlet.web.errors.NotAllowed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** How a sign-in finds its company: organization claim → verified email domain → none; removal wins. */
@QuarkusTest
@Tag("db")
class CompanyResolutionTest {

    @Inject
    MemberService members;

    private static String subject() {
        return "sub-" + UUID.randomUUID();
    }

    private Member signIn(String subject, String email, Boolean verified, List<String> organizations) {
        Member member = members.signedIn(new MemberService.Profile(subject, "Test Person", email, verified, "en", organizations));
        return Fixtures.reload(member);
    }

    @Test
    void theOrganizationClaimDecides() {
        Fixtures.acme();
        Fixtures.globex();
        Member member = signIn(subject(), "someone@globex.example", true, List.of("acme"));
        assertThat(member.company.slug).isEqualTo("acme");
        assertThat(member.companySource).isEqualTo(Member.CompanySource.ORGANIZATION);
    }

    @Test
    void severalOrganizationsAreAnErrorNotAGuess() {
        Fixtures.acme();
        Fixtures.globex();
        String subject = subject();
        assertThatThrownBy(() -> signIn(subject, "x@acme.example", true, List.of("acme", "globex")))
                .isInstanceOfSatisfying(NotAllowed.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(OrganizationRefusal.SEVERAL_ORGANIZATIONS);
                    assertThat(refused.status()).isEqualTo(409);
                    assertThat(refused.details()).containsEntry("organizations", List.of("acme", "globex"));
                });
        assertThat(QuarkusTransaction.requiringNew().call(() -> Member.findBySubject(subject))).isEmpty();
    }

    @Test
    void aVerifiedEmailDomainDecidesWhenThereIsNoOrganization() {
        Fixtures.globex();
        Member member = signIn(subject(), "New.Person@GLOBEX.example", true, List.of());
        assertThat(member.company.slug).isEqualTo("globex");
        assertThat(member.companySource).isEqualTo(Member.CompanySource.EMAIL_DOMAIN);
    }

    @Test
    void anUnverifiedEmailNeverDecides() {
        Fixtures.globex();
        assertThat(signIn(subject(), "someone@globex.example", false, List.of()).company).isNull();
    }

    @Test
    void anUnknownDomainOrOrganizationMeansAnIndividualLearner() {
        Member member = signIn(subject(), "solo@individual.example", true, List.of("not-a-member-company"));
        assertThat(member.company).isNull();
    }

    @Test
    void aDeactivatedCompanyTakesNoNewMembers() {
        Company dormant = Fixtures.company("dormant", "Dormant Ltd", "dormant", "dormant.example", Region.OCEANIA);
        QuarkusTransaction.requiringNew().run(() -> Company.<Company> findById(dormant.id).active = false);
        assertThat(signIn(subject(), "a@dormant.example", true, List.of("dormant")).company).isNull();
    }

    @Test
    void anAdminsRemovalWinsOverTheClaimUntilReAdded() {
        Company acme = Fixtures.acme();
        Member admin = Fixtures.member(acme, "Admin Person", "admin-" + UUID.randomUUID() + "@acme.example");
        String subject = subject();
        Member member = signIn(subject, "p@acme.example", true, List.of("acme"));
        members.remove(admin, member.id);
        assertThat(signIn(subject, "p@acme.example", true, List.of("acme")).company).isNull();
        members.readd(admin, member.id);
        Member back = signIn(subject, "p@acme.example", true, List.of("acme"));
        assertThat(back.company.slug).isEqualTo("acme");
    }

    @Test
    void movingCompanyIsAuditedAndTheMemberKeepsTheirRecord() {
        Fixtures.acme();
        Fixtures.globex();
        String subject = subject();
        Member first = signIn(subject, "mover@acme.example", true, List.of("acme"));
        Member moved = signIn(subject, "mover@globex.example", true, List.of("globex"));
        assertThat(moved.id).isEqualTo(first.id);
        assertThat(moved.company.slug).isEqualTo("globex");
        List<String> details = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> list(
                "target.id = ?1 and action = 'member.company-changed' order by id", first.id).stream().map(e -> e.details).toList());
        assertThat(details).containsExactly("from none to acme by organization", "from acme to globex by organization");
    }

    @Test
    void aChangeOfRolesIsAudited() {
        Fixtures.acme();
        String subject = subject();
        Member member = Fixtures.reload(members.signedIn(new MemberService.Profile(subject, "Role Changer", "rc@acme.example",
                true, "en", List.of("acme"), java.util.Set.of("learner", "offline_access"))));
        assertThat(member.roles).isEqualTo("learner");
        members.signedIn(new MemberService.Profile(subject, "Role Changer", "rc@acme.example", true, "en", List.of("acme"),
                java.util.Set.of("learner", "company-admin")));
        List<String> details = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> list(
                "target.id = ?1 and action = 'member.roles-changed'", member.id).stream().map(e -> e.details).toList());
        assertThat(details).containsExactly("from [learner] to [company-admin,learner]");
    }
}
