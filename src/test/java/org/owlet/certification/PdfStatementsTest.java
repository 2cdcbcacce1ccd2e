package org.owlet.certification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.hibernate.Hibernate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.Member;
import org.owlet.testing.StatementCounter;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;

/**
 * A certificate PDF download in SQL statements, counted as the server runs it with a bearer token (the way the benchmark
 * downloads them): one read of the certificate, nothing written, whether the PDF is drawn or comes from the cache.
 */
@QuarkusTest
@Tag("db")
class PdfStatementsTest {

    static final String USER = "erin@individual.example";

    @Inject
    @PersistenceUnitExtension
    StatementCounter counter;

    @Inject
    Event<FinalAssessmentPassed> passed;

    @Test
    void aPdfDownloadReadsTheCertificateOnceAndWritesNothing() {
        String token = new OidcTestClient().getAccessToken(USER, USER);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200); // the member is known from here on
        Member erin = QuarkusTransaction.requiringNew().call(() -> {
            Member m = Member.<Member> find("email", USER).firstResult();
            Hibernate.initialize(m.company);
            return m;
        });
        Certificate c = Passes.fire(passed, Passes.pass(erin, "en", Instant.now(), false));
        String path = "/me/certificates/" + c.id + "/certificate.pdf";

        for (String download : new String[] { "first download (drawn)", "repeat download (cached)" }) {
            counter.reset();
            byte[] pdf = given().auth().oauth2(token).header(StatementCounter.HEADER, "1").get(path).then().statusCode(200)
                    .contentType("application/pdf").extract().asByteArray();
            StatementCounter.Counts counts = counter.take();
            System.out.printf("statements per certificate PDF, %s: %d, writes: %d, transactions: %d (%d bytes)%n", download,
                    counts.statements().size(), counts.writes(), counts.transactions(), pdf.length);
            assertThat(counts.writes()).as("%s: %s", download, counts).isZero();
            assertThat(counts.statements()).as("%s: %s", download, counts).hasSizeLessThanOrEqualTo(1);
        }
    }
}
