package org.owlet.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/** Weight: text is compressed when asked, the stylesheet and script sit at content-hashed, long-cached URLs. */
@QuarkusTest
class StaticAssetsTest {

    /** RestAssured without its own decoding, so that the raw Content-Encoding and body can be checked. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    private static Document home() {
        return Jsoup.parse(given().get("/").then().statusCode(200).extract().asString());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theLayoutLinksTheHashedStylesheetAndScript() {
        Document page = home();
        String css = page.selectFirst("link[rel=stylesheet]").attr("href");
        String js = page.selectFirst("script[src]").attr("src");
        assertThat(css).matches("/css/owlet\\.[0-9a-f]{12}\\.css");
        assertThat(js).matches("/js/owlet\\.[0-9a-f]{12}\\.js");
        assertThat(css).isEqualTo(StaticAssets.get().css());
    }

    @Test
    void theHashedUrlIsCachedForAYearAsImmutable() {
        String css = home().selectFirst("link[rel=stylesheet]").attr("href");
        given().get(css).then().statusCode(200).contentType(containsString("text/css"))
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                .body(containsString(":focus-visible"));
        String js = home().selectFirst("script[src]").attr("src");
        given().get(js).then().statusCode(200).contentType(containsString("javascript"))
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));
        given().get("/css/owlet.0123456789ab.css").then().statusCode(404);
    }

    @Test
    void thePlainUrlKeepsWorkingWithAShortCacheAndAnETag() {
        String hash = StaticAssets.get().find("/css/owlet.css").orElseThrow().hash();
        Response plain = given().get("/css/owlet.css");
        plain.then().statusCode(200).header("Cache-Control", equalTo("public, max-age=300"))
                .body(containsString(":focus-visible"));
        assertThat(plain.header("ETag")).isEqualTo("\"" + hash + "\"");
        given().header("If-None-Match", "\"" + hash + "\"").get("/css/owlet.css").then().statusCode(304)
                .header("Cache-Control", equalTo("public, max-age=300"));
        given().header("If-None-Match", "\"stale\"").get("/css/owlet.css").then().statusCode(200);
        given().get("/js/owlet.js").then().statusCode(200).header("Cache-Control", equalTo("public, max-age=300"));
    }

    @Test
    void pagesStylesAndPicturesAreCompressedWhenAsked() throws IOException {
        String css = StaticAssets.get().css();
        for (String path : new String[] { "/", css, "/css/owlet.css", "/img/owlet.svg" }) {
            Response gz = given().config(RAW).header("Accept-Encoding", "gzip").get(path);
            gz.then().statusCode(200).header("Content-Encoding", equalTo("gzip"));
            String body = gunzip(gz.asByteArray());
            assertThat(body).as(path).isNotBlank();
            if (!path.equals("/img/owlet.svg")) {
                assertThat(gz.asByteArray().length).as("compressed " + path).isLessThan(body.getBytes(StandardCharsets.UTF_8).length);
            }
            given().config(RAW).header("Accept-Encoding", "identity").get(path).then().statusCode(200)
                    .header("Content-Encoding", not(equalTo("gzip")));
        }
        given().config(RAW).get(css).then().header("Content-Encoding", nullValue());
    }
}
