package org.owlet.catalog.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.owlet.catalog.validation.Problems;

/**
 * The two folders one reading works on, how their files are named in messages ({@code courses/ivory/course.yaml},
 * {@code assets/manifest.yaml}: the folder's own name, not the whole path), and the problems found so far.
 */
final class CatalogFiles {

    final Path coursesDir;
    final Path assetsDir;
    final String coursesLabel;
    final String assetsLabel;
    final Problems problems = new Problems();

    CatalogFiles(Path coursesDir, Path assetsDir) {
        this.coursesDir = coursesDir;
        this.assetsDir = assetsDir;
        this.coursesLabel = label(coursesDir);
        this.assetsLabel = label(assetsDir);
    }

    private static String label(Path dir) {
        Path name = dir.getFileName();
        return name == null ? dir.toString() : name.toString();
    }

    /** A file under the course folder as messages name it. */
    String display(Path file) {
        return coursesLabel + "/" + coursesDir.relativize(file).toString().replace('\\', '/');
    }

    static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The YAML file's root map, or {@code null} if it is not valid YAML or not a map (the problem is recorded). */
    Fields parse(Path file, String name) {
        Node root = YamlTree.parse(readText(file), name, problems);
        return root == null ? null : Fields.of(root, name, "", problems);
    }
}
