package org.owlet.testing;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.common.http.TestHTTPResourceManager;

/**
 * The management interface (health, metrics, the OpenAPI document) listens on its own port, not on the application's
 * (see "Operations" in application.properties); in tests that port is picked free at start.
 */
public final class Management {

    private Management() {
    }

    /** The address of {@code path} (e.g. {@code /q/openapi}) on the management interface of the running test app. */
    public static String url(String path) {
        // the test URL names the management root path too (http://localhost:<port>/q/): keep only where it listens
        URI base = URI.create(TestHTTPResourceManager.getManagementUri());
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort() + path;
    }

    /** Every route of the application ("GET /team/members.csv"), from the OpenAPI document Quarkus builds from the resources. */
    public static List<String> routes() {
        Map<String, Map<String, Object>> paths = given().get(url("/q/openapi?format=json")).then().statusCode(200).extract()
                .jsonPath().getMap("paths");
        List<String> routes = new ArrayList<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(method -> Set.of("get", "post", "put", "delete", "patch").contains(method))
                .forEach(method -> routes.add(method.toUpperCase() + " " + path)));
        return routes;
    }
}
