package org.owlet.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.catalog.assets.AssetFile;
import org.owlet.catalog.model.Course;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Pictures outlive the files they were loaded from: every picture the catalog loads is stored, and a picture this
 * replica never loaded (another replica's, or an older course version's after the files changed) comes from the
 * database, byte for byte.
 */
@QuarkusTest
@Tag("db")
class StoredAssetTest {

    @Inject
    CatalogService catalog;

    @Test
    void everyLoadedPictureIsStored() {
        Course sample = catalog.course("sample").orElseThrow();
        String url = sample.item("carving-material").orElseThrow().images().get(0).url();
        String hash = url.substring(url.lastIndexOf('/') + 1, url.lastIndexOf('/') + 17);
        StoredAsset row = QuarkusTransaction.requiringNew().call(() -> StoredAsset.findById(hash));
        assertThat(row).isNotNull();
        byte[] served = given().get(url).then().statusCode(200).extract().asByteArray();
        assertThat(row.toFile().bytes()).isEqualTo(served);
    }

    @Test
    void aPictureOnlyTheDatabaseKnowsIsServed() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"5\"/></svg>"
                .getBytes(StandardCharsets.UTF_8);
        String hash = "00c0ffee00c0ffee";
        QuarkusTransaction.requiringNew().run(() -> {
            if (StoredAsset.findById(hash) == null) {
                StoredAsset.of(new AssetFile("older/mark.svg", hash, "image/svg+xml", 10, 10, "", svg), Instant.now()).persist();
            }
        });
        byte[] served = given().get("/assets/" + hash + ".svg").then().statusCode(200).contentType("image/svg+xml").extract()
                .asByteArray();
        assertThat(served).isEqualTo(svg);
        given().get("/assets/" + hash + ".png").then().statusCode(404);
        given().get("/assets/00c0ffee00c0fffe.svg").then().statusCode(404);
    }

    @Test
    void storingTheSamePicturesAgainAddsNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> StoredAsset.count());
        catalog.reload();
        long after = QuarkusTransaction.requiringNew().call(() -> StoredAsset.count());
        assertThat(after).isEqualTo(before);
    }
}
