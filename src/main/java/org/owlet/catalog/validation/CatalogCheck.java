package org.owlet.catalog.validation;

import java.nio.file.Path;

import org.owlet.catalog.format.CatalogReader;
import org.owlet.catalog.format.LoadedCatalog;

/**
 * The authors' check, without starting the web server:
 * {@code ./mvnw -q compile exec:java -Dexec.mainClass=org.owlet.catalog.validation.CatalogCheck}
 * (optionally {@code -Dexec.args="courses assets"}). Prints every problem as {@code file:line: field: message}
 * and exits with 1 if there is an error, 0 otherwise (warnings do not fail).
 */
public final class CatalogCheck {

    private CatalogCheck() {
    }

    public static void main(String[] args) {
        Path courses = Path.of(args.length > 0 ? args[0] : "courses");
        Path assets = Path.of(args.length > 1 ? args[1] : "assets");
        LoadedCatalog catalog = CatalogReader.read(courses, assets);
        catalog.problems().forEach(p -> (p.isError() ? System.err : System.out).println(p));
        System.out.printf("%d course(s) valid, %d error(s), %d warning(s), %d note(s)%n", catalog.courses().size(),
                catalog.errors().size(), catalog.warnings().size(), catalog.notes().size());
        catalog.courses().forEach(c -> System.out.printf("  %s %s (%s): %d items, languages %s%n", c.id(), c.version(),
                c.contentHash().substring(0, 12), c.items().size(), String.join(", ", c.languages())));
        if (!catalog.errors().isEmpty()) {
            System.exit(1);
        }
    }
}
