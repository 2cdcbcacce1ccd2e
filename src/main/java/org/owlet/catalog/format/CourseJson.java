package org.owlet.catalog.format;

import java.nio.charset.StandardCharsets;

import org.owlet.catalog.model.Course;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A course as canonical JSON: what its content hash is computed over, and how an old version is kept
 * in the database so attempts on it can still be scored after the files changed.
 */
public final class CourseJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .build();

    private CourseJson() {
    }

    public static String write(Course course) {
        try {
            return MAPPER.writeValueAsString(course);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise course " + course.id(), e);
        }
    }

    public static Course read(String json) {
        try {
            return MAPPER.readValue(json, Course.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored course version", e);
        }
    }

    /** SHA-256 (hex) of the course's canonical JSON, computed with an empty hash field. */
    public static String hash(Course course) {
        return CatalogReader.sha256(write(course.withContentHash("")).getBytes(StandardCharsets.UTF_8));
    }
}
