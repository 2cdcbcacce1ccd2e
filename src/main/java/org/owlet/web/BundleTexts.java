package org.owlet.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.Engine;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * A message of any feature's bundle by its key, in a given language, for text that is chosen at run time (the field
 * errors and refusal reasons an error page shows). The web shell knows no feature: bundles are found by namespace.
 */
@ApplicationScoped
public class BundleTexts {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

    @Inject
    Engine engine;

    private final Map<String, Properties> english = new ConcurrentHashMap<>();
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    /**
     * The text of {@code key} in the first of {@code bundles} that defines it, else in any bundle that does; the
     * arguments are passed to the message in order.
     */
    public Optional<String> find(Locale locale, String key, List<?> args, String... bundles) {
        if (key == null || !NAME.matcher(key).matches()) {
            return Optional.empty();
        }
        Set<String> order = new LinkedHashSet<>();
        for (String bundle : bundles) {
            if (bundle != null) {
                order.add(bundle);
            }
        }
        for (NamespaceResolver resolver : engine.getNamespaceResolvers()) {
            order.add(resolver.getNamespace());
        }
        for (String bundle : order) {
            if (NAME.matcher(bundle).matches() && defines(bundle, key)) {
                return Optional.of(render(bundle, key, args, locale));
            }
        }
        return Optional.empty();
    }

    private boolean defines(String bundle, String key) {
        return english.computeIfAbsent(bundle, BundleTexts::load).containsKey(key);
    }

    private String render(String bundle, String key, List<?> args, Locale locale) {
        Template template = templates.computeIfAbsent(bundle + ":" + key + "/" + args.size(), id -> {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                names.add("a" + i);
            }
            return engine.parse("{" + bundle + ":" + key + (names.isEmpty() ? "" : "(" + String.join(",", names) + ")") + "}");
        });
        TemplateInstance instance = template.instance();
        for (int i = 0; i < args.size(); i++) {
            instance.data("a" + i, args.get(i));
        }
        return instance.setLocale(locale).render();
    }

    /** The English file of a bundle (every key is there; the test of the bundles sees to it), or nothing. */
    private static Properties load(String bundle) {
        Properties properties = new Properties();
        try (InputStream in = BundleTexts.class.getResourceAsStream("/messages/" + bundle + "_en.properties")) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
