package org.owlet.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.organization.Company;
import org.owlet.organization.KnownMembers;
import org.owlet.organization.Member;
import org.owlet.organization.MemberRef;
import org.owlet.testing.Fixtures;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestIdentityAssociation;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * The member is resolved from the token once and then kept ({@link KnownMembers}); a role change in the identity
 * provider, and a company change in Owlet, still take effect on the very next request.
 */
@QuarkusTest
@Tag("db")
class KnownMembersTest {

    static final String SUBJECT = "subject-known-members";

    @Inject
    KnownMembers known;

    private static Member stored() {
        return QuarkusTransaction.requiringNew().call(() -> Member.findBySubject(SUBJECT).orElseThrow());
    }

    @Test
    @TestSecurity(user = "kept@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = SUBJECT), @Claim(key = "email", value = "kept@acme.example") })
    void aRoleChangeAndACompanyChangeTakeEffectOnTheNextRequest() {
        Company acme = Fixtures.acme();
        given().get("/api/v1/me").then().statusCode(200).body("roles", containsInAnyOrder("learner"));
        given().get("/api/v1/me").then().statusCode(200);
        assertThat(stored().roles).isEqualTo("learner");
        assertThat(known.cached(SUBJECT)).as("kept after the first requests").map(MemberRef::companyId).contains(acme.id);

        // the identity provider grants a role: the next token says so, and the next request records it
        TestIdentityAssociation association = Arc.container().instance(TestIdentityAssociation.class).get();
        association.setTestIdentity(QuarkusSecurityIdentity.builder(association.getTestIdentity()).addRole("company-admin").build());
        given().get("/api/v1/me").then().statusCode(200).body("roles", containsInAnyOrder("learner", "company-admin"));
        assertThat(stored().roles).as("the role change reached the member on the next request").isEqualTo("company-admin,learner");

        // the member's row changes in Owlet (here: its company, as an admin's removal does): the entry is dropped at once
        assertThat(known.cached(SUBJECT)).isPresent();
        QuarkusTransaction.requiringNew().run(() -> {
            Member member = Member.findBySubject(SUBJECT).orElseThrow();
            member.company = null;
            member.companySource = null;
            member.companySince = null;
        });
        assertThat(known.cached(SUBJECT)).as("dropped when the member row changed").isEmpty();
        given().get("/api/v1/me").then().statusCode(200);
        assertThat(known.cached(SUBJECT)).as("resolved again: the email domain attaches the member to Acme once more")
                .map(MemberRef::companyId).contains(acme.id);

        // a change to a company (or its domains, or a removal) drops every entry
        QuarkusTransaction.requiringNew().run(() -> Company.<Company> findById(acme.id).name = "Acme Marketplace (renamed)");
        assertThat(known.cached(SUBJECT)).as("dropped when a company changed").isEmpty();
        QuarkusTransaction.requiringNew().run(() -> Company.<Company> findById(acme.id).name = "Acme Marketplace");
    }
}
