package org.owlet.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.catalog.format.CourseJson;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Text;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Course versions in the database: recorded once, even by replicas starting together, and readable later by hash. */
@QuarkusTest
@Tag("db")
class CourseVersionTest {

    @Inject
    CatalogService catalog;

    private static Course changed(Course course) {
        Course edited = new Course(course.id(), course.version() + "-" + UUID.randomUUID(), "", course.languages(),
                new Text(Map.of("en", "An older title", "fr", "Un ancien titre")), course.summary(),
                course.certificateValidityMonths(), course.renewalWindowDays(), course.modules(), course.items(),
                course.sources());
        return edited.withContentHash(CourseJson.hash(edited));
    }

    @Test
    void theLoadedVersionIsRecordedAtStartWithItsHash() {
        Course sample = catalog.course("sample").orElseThrow();

        CourseVersion row = QuarkusTransaction.requiringNew()
                .call(() -> CourseVersion.findByHash("sample", sample.contentHash()).orElseThrow());

        assertThat(row.version).isEqualTo("1.0");
        assertThat(CourseJson.read(row.content)).isEqualTo(sample);
    }

    @Test
    void replicasRecordingTheSameVersionTogetherLeaveOneRow() throws Exception {
        Course version = changed(catalog.course("sample").orElseThrow());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> replicas = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                replicas.add(() -> {
                    catalog.recordVersion(version);
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(replicas)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        long rows = QuarkusTransaction.requiringNew().call(
                () -> CourseVersion.count("courseId = ?1 and contentHash = ?2", "sample", version.contentHash()));
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void anOlderVersionStaysAddressableByItsHashAfterTheFilesChanged() {
        Course current = catalog.course("sample").orElseThrow();
        Course older = changed(current);
        catalog.recordVersion(older);

        Course found = catalog.course("sample", older.contentHash()).orElseThrow();

        assertThat(found.title().in("fr")).isEqualTo("Un ancien titre");
        assertThat(found.item("carving-material")).isPresent();
        assertThat(catalog.course("sample").orElseThrow().contentHash()).isEqualTo(current.contentHash());
        assertThat(catalog.item("sample", older.contentHash(), "carving-material").orElseThrow().key())
                .isEqualTo(current.item("carving-material").orElseThrow().key());
    }
}
