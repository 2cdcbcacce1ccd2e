package org.owlet.catalog;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the catalog is read from, and whether it is re-read when the files change. */
@ConfigMapping(prefix = "owlet.catalog")
public interface CatalogConfig {

    /**
     * The courses folder (one sub-folder per course, plus sources.yaml). Relative paths are resolved
     * against the working directory; if the folder does not exist there, the copy packaged in the jar
     * ({@code catalog/courses} on the class path) is used.
     */
    @WithDefault("courses")
    String coursesDir();

    /** The assets folder (images and manifest.yaml); same resolution as {@link #coursesDir()}. */
    @WithDefault("assets")
    String assetsDir();

    /**
     * A second course folder loaded besides the main one (its own sources.yaml), e.g. the test sample in
     * dev mode; a course id already loaded from the main folder wins.
     */
    Optional<String> sampleCoursesDir();

    /** The assets folder that goes with {@link #sampleCoursesDir()}. */
    Optional<String> sampleAssetsDir();

    /** How often to look for changed course files; unset (the default, and in production) means never. */
    Optional<Duration> reloadInterval();

    /**
     * Whether loading compares every pair of questions for near-duplicates (a warning only). The authors' command and
     * the build's course check always do; dev mode and the tests do (so authors see the warning); a production start does
     * not: it costs most of the catalog's load time and never changes what is served.
     */
    @WithDefault("false")
    boolean nearDuplicateCheck();

    /**
     * A folder for the parsed catalog ({@link org.owlet.catalog.format.CatalogSnapshot}): a start whose course and asset
     * files, and application build, are exactly those of the snapshot reads it instead of parsing the files. Unset (dev
     * mode, tests): the files are always parsed. Only the main folders are kept there, not the sample.
     */
    Optional<String> snapshotDir();
}
