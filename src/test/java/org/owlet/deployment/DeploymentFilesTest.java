package org.owlet.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.owlet.web.OwletMainAccess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The files a deployment starts from (docker/) agree with the app: every Owlet variable in {@code .env.example} is one
 * the app reads, every setting the app requires is there, every variable the app reads is documented, and the Dockerfile
 * and compose file name only files that exist.
 */
class DeploymentFilesTest {

    private static final Path DOCKER = Path.of("docker");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(OWLET_[A-Z0-9_]+)");
    private static final Pattern JAVA_PROPERTY = Pattern.compile("\"\\$?\\{?(owlet\\.[a-z0-9.-]+)");

    @Test
    void everyOwletVariableInTheExampleIsReadAndEveryRequiredOneIsThere() throws IOException {
        Map<String, String> example = envExample();
        Set<String> read = variablesTheAppReads();
        Set<String> unread = new TreeSet<>();
        example.keySet().stream().filter(v -> v.startsWith("OWLET_")).filter(v -> !read.contains(v)).forEach(unread::add);
        assertThat(unread).as("variables in docker/.env.example that Owlet does not read").isEmpty();

        Set<String> required = new TreeSet<>(OwletMainAccess.requiredVariables());
        assertThat(example.keySet()).as("required settings in docker/.env.example").containsAll(required);

        String compose = Files.readString(DOCKER.resolve("compose.yml"));
        Set<String> composeOnly = new TreeSet<>();
        example.keySet().stream().filter(v -> !v.startsWith("OWLET_")).filter(v -> !compose.contains("${" + v))
                .forEach(composeOnly::add);
        assertThat(composeOnly).as("variables in docker/.env.example that neither Owlet nor compose.yml reads").isEmpty();
        System.out.printf("docker/.env.example: %d variables, %d read by Owlet, %d required ones all present%n", example.size(),
                example.keySet().stream().filter(read::contains).count(), required.size());
    }

    @Test
    void everyVariableTheAppReadsIsInTheExampleAndTheReadme() throws IOException {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        Set<String> referenced = new TreeSet<>();
        Matcher m = REFERENCE.matcher(properties);
        while (m.find()) {
            if (!m.group(1).startsWith("OWLET_TEST_")) {
                referenced.add(m.group(1));
            }
        }
        String readme = Files.readString(Path.of("README.md"));
        assertThat(referenced).as("variables missing from docker/.env.example").allMatch(envExample()::containsKey);
        assertThat(referenced).as("variables the README does not mention").allMatch(v -> readme.contains("`" + v));
    }

    @Test
    void theDockerfileCopiesOnlyFilesThatExist() throws IOException {
        List<String> missing = Files.readAllLines(DOCKER.resolve("Dockerfile")).stream().map(String::strip)
                .filter(line -> line.startsWith("COPY ") && !line.contains("--from=")).flatMap(line -> {
                    List<String> words = List.of(line.split("\\s+"));
                    return words.subList(1, words.size() - 1).stream().filter(w -> !w.startsWith("--"));
                }).filter(source -> !Files.exists(Path.of(source))).toList();
        assertThat(missing).as("COPY sources (relative to the repository root, the build context)").isEmpty();
    }

    @Test
    void composeNamesOnlyFilesThatExist() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("compose.yml").toFile());
        Map<String, Path> files = new LinkedHashMap<>();
        compose.path("services").properties().forEach(service -> {
            JsonNode build = service.getValue().path("build");
            if (!build.isMissingNode()) {
                Path context = DOCKER.resolve(build.path("context").asText(".")).normalize();
                files.put(service.getKey() + " build context", context);
                files.put(service.getKey() + " dockerfile", context.resolve(build.path("dockerfile").asText("Dockerfile")));
            }
            service.getValue().path("volumes").forEach(volume -> {
                String source = volume.asText().split(":")[0];
                if (source.startsWith(".")) {
                    files.put(service.getKey() + " volume " + source, DOCKER.resolve(source).normalize());
                }
            });
            // env_file .env is the operator's copy of .env.example, which must exist
            if (service.getValue().path("env_file").asText().equals(".env")) {
                files.put(service.getKey() + " env_file template", DOCKER.resolve(".env.example"));
            }
        });
        assertThat(files).isNotEmpty();
        assertThat(files.entrySet().stream().filter(e -> !Files.exists(e.getValue())).map(Map.Entry::getKey).toList()).isEmpty();
        assertThat(compose.path("services").properties().stream().map(Map.Entry::getKey)).contains("db", "keycloak", "app");
        assertThat(compose.at("/services/app/depends_on/keycloak/condition").asText()).isEqualTo("service_healthy");
        assertThat(compose.at("/services/app/depends_on/db/condition").asText()).isEqualTo("service_healthy");
    }

    /** OWLET_* variables the app reads: referenced in application.properties, or the environment form of a property it uses. */
    private static Set<String> variablesTheAppReads() throws IOException {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        Set<String> read = new TreeSet<>();
        Matcher m = REFERENCE.matcher(properties);
        while (m.find()) {
            read.add(m.group(1));
        }
        for (String line : properties.lines().toList()) {
            String key = line.strip();
            if (key.isEmpty() || key.startsWith("#") || !key.contains("=")) {
                continue;
            }
            key = key.substring(0, key.indexOf('=')).replaceFirst("^%[^.]+\\.", "");
            read.add(environmentName(key));
        }
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher p = JAVA_PROPERTY.matcher(Files.readString(source));
                while (p.find()) {
                    read.add(environmentName(p.group(1)));
                }
            }
        }
        return read;
    }

    private static String environmentName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    private static Map<String, String> envExample() throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOCKER.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                variables.put(line.substring(0, line.indexOf('=')).strip(), line.substring(line.indexOf('=') + 1));
            }
        }
        return variables;
    }
}
