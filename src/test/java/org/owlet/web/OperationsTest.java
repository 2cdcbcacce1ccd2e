package org.owlet.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.testing.Management;

import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics and the OpenAPI document answer on the management port only, never on the public one. */
@QuarkusTest
@Tag("db")
class OperationsTest {

    @Test
    void readinessChecksTheDatabase() {
        given().get(Management.url("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get(Management.url("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePrometheusText() {
        given().get(Management.url("/q/metrics")).then().statusCode(200).body(containsString("# TYPE"));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        given().get(Management.url("/q/openapi?format=json")).then().statusCode(200).body("paths", hasKey("/api/v1/me"));
    }

    @Test
    void nothingOperationalIsOnThePublicPort() {
        for (String path : new String[] { "/q/metrics", "/q/openapi", "/q/openapi?format=json", "/q/health", "/q/health/ready",
                "/q/health/live", "/q/swagger-ui" }) {
            given().redirects().follow(false).get(path).then().statusCode(404);
        }
    }
}
