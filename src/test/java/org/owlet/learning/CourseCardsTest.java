package org.owlet.learning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.catalog.view.ImageView;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;

/** Small things on the learner's pages: the progress label stays on one line, images carry whole-pixel sizes. */
@QuarkusTest
@Tag("db")
class CourseCardsTest {

    @Test
    @TestSecurity(user = "ana@acme.example", roles = { "learner" })
    @OidcSecurity(claims = { @Claim(key = "sub", value = "ana-cards-subject"), @Claim(key = "name", value = "Ana Cards"),
            @Claim(key = "email", value = "ana.cards@acme.example"),
            @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
            @Claim(key = "organization", value = "[\"acme\"]", type = ClaimType.JSON_ARRAY) })
    void theProgressLabelNeverBreaks() {
        given().redirects().follow(false).post("/learn/sample/enrol").then().statusCode(303);
        Document page = Jsoup.parse(given().cookie("owlet_lang", "fr").get("/learn").then().statusCode(200).extract().asString());
        Element label = page.selectFirst(".card .progress-line .progress-label");
        assertThat(label).isNotNull();
        assertThat(label.wholeText()).as("a no-break space between the number and %").isEqualTo("0\u00a0% terminé");
        String css = given().get("/css/owlet.css").then().statusCode(200).extract().asString();
        assertThat(css).contains(".progress-label { white-space: nowrap; }");
    }

    @Test
    void imagesGiveWholePixelSizes() {
        ImageView image = new ImageView("/assets/x.png", null, 800.0, 533.4, "alt", null);
        assertThat(image.pixelWidth()).isEqualTo(800L);
        assertThat(image.pixelHeight()).isEqualTo(533L);
        assertThat(String.valueOf(image.pixelWidth())).isEqualTo("800");
    }
}
