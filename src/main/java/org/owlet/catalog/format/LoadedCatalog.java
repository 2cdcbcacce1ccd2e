package org.owlet.catalog.format;

import java.util.List;
import java.util.Map;

import org.owlet.catalog.assets.AssetFile;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Source;
import org.owlet.catalog.validation.Problem;

/**
 * What reading the course and asset folders gave: the courses without errors (a broken course is left
 * out, the others load), the sources, the usable asset files by path, and every problem found.
 */
public record LoadedCatalog(List<Course> courses, Map<String, Source> sources, Map<String, AssetFile> assets,
        List<Problem> problems) {

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList();
    }

    /** Work left to do that does not fail the build. */
    public List<Problem> notes() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.NOTE).toList();
    }
}
