package org.owlet.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Image;
import org.owlet.catalog.view.ImageView;

import io.quarkus.test.junit.QuarkusTest;

/** Images: content-hashed URLs, long cache, right types, resized raster copies, nothing outside assets/. */
@QuarkusTest
class AssetResourceTest {

    @Inject
    CatalogService catalog;

    private Image image(String itemId) {
        Course course = catalog.course("sample").orElseThrow();
        return course.item(itemId).orElseThrow().images().get(0);
    }

    @Test
    void anSvgIsServedAsVectorWithLongCacheAndNoActiveContent() {
        Image svg = image("carving-material");

        given().get(svg.url()).then().statusCode(200)
                .contentType("image/svg+xml")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("<svg"));
    }

    @Test
    void aPngComesInResizedCopiesForPhoneAndDesktop() throws Exception {
        Image png = image("bangle-listing");

        byte[] original = given().get(png.url()).then().statusCode(200).contentType("image/png")
                .header("Cache-Control", "public, max-age=31536000, immutable").extract().asByteArray();
        byte[] phone = given().get(ImageView.variantUrl(png, 480)).then().statusCode(200).contentType("image/png")
                .header("Cache-Control", "public, max-age=31536000, immutable").extract().asByteArray();
        byte[] desktop = given().get(ImageView.variantUrl(png, 1200)).then().statusCode(200).extract().asByteArray();

        assertThat(width(original)).isEqualTo(1600);
        assertThat(width(phone)).isEqualTo(480);
        BufferedImage big = ImageIO.read(new ByteArrayInputStream(desktop));
        assertThat(big.getWidth()).isEqualTo(1200);
        assertThat(big.getHeight()).isEqualTo(750);
    }

    @Test
    void onlyTheOfferedSizesAndTheRightExtensionExist() {
        Image png = image("bangle-listing");
        Image svg = image("carving-material");

        given().get(ImageView.variantUrl(png, 999)).then().statusCode(404);
        given().get(ImageView.variantUrl(svg, 480)).then().statusCode(404);
        given().get("/assets/" + png.hash() + ".svg").then().statusCode(404);
        given().get("/assets/0123456789abcdef.png").then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/assets/../pom.xml", "/assets/..%2Fpom.xml", "/assets/%2e%2e%2f%2e%2e%2fpom.xml",
            "/assets/..%2F..%2Fsrc%2Fmain%2Fresources%2Fapplication.properties", "/assets/manifest.yaml",
            "/assets/drawings%2Ftusk-section.svg", "/assets/%2Fetc%2Fpasswd", "/assets/....//....//pom.xml" })
    void nothingOutsideTheManifestsFilesIsServed(String path) {
        String body = given().urlEncodingEnabled(false).get(path).then().statusCode(404).extract().asString();

        assertThat(body).doesNotContain("<modelVersion>", "quarkus.", "root:", "assets:", "<svg");
    }

    @Test
    void imageUrlsChangeWithTheirContent() {
        Image svg = image("carving-material");

        given().get(svg.url()).then().header("ETag", equalTo("\"" + svg.hash() + ".svg\""));
        assertThat(svg.url()).matches("/assets/[0-9a-f]{16}\\.svg");
    }

    private static int width(byte[] bytes) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(bytes)).getWidth();
    }
}
