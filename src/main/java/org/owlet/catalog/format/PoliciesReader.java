package org.owlet.catalog.format;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Policy;
import org.owlet.catalog.model.Text;

/**
 * Reads {@code courses/policies.yaml}, the platforms listings are posted on (each a whole platform's wildlife policy),
 * resolves the {@code policy: <id>} of each listing and checks that no profile gives a decision away: a profile named
 * only by listings of one decision (allow, remove or escalate), counted over every course that loads, lets a learner
 * read the decision off the policy.
 */
final class PoliciesReader {

    private static final String KINDS = "marketplace, social-network or classifieds";

    /** A profile as read, where it was written, and which listings name it. */
    private record Entry(Policy policy, int line, Map<String, Integer> ruleLines, int nameLine) {
    }

    /** A listing that names a profile: its course, where it was written and its decision. */
    private record Use(String course, AnswerKey.Decision decision) {
    }

    private final CatalogFiles files;
    private final String fileName;
    private final boolean found;
    private final Map<String, Entry> profiles = new LinkedHashMap<>();
    private final Map<String, List<Use>> uses = new LinkedHashMap<>();
    private final Set<String> reportedLanguages = new HashSet<>();

    private PoliciesReader(CatalogFiles files) {
        this.files = files;
        Path file = files.coursesDir.resolve("policies.yaml");
        this.fileName = files.display(file);
        this.found = Files.isRegularFile(file);
    }

    /** The profiles of {@code policies.yaml}; without the file there are none, and a listing that names one is told so. */
    static PoliciesReader read(CatalogFiles files) {
        PoliciesReader reader = new PoliciesReader(files);
        if (reader.found) {
            reader.readFile(files.coursesDir.resolve("policies.yaml"));
        }
        return reader;
    }

    private void readFile(Path file) {
        Fields root = files.parse(file, fileName);
        if (root == null) {
            return;
        }
        for (Fields entry : root.maps("policies", true, "a list of platform policy profiles with id, kind, name and rules")) {
            String id = entry.string("id", true, "a profile id such as global-marketplace");
            String kindText = entry.string("kind", true, KINDS);
            Text name = entry.text("name", true, List.of(), "");
            Node rulesNode = entry.node("rules", true, "the platform's rules, a list of texts per language");
            entry.rejectUnknownKeys();
            Policy.Kind kind = kindText == null ? null : Policy.Kind.of(kindText);
            if (kindText != null && kind == null) {
                entry.error("kind", "unknown kind '" + kindText + "'; expected " + KINDS);
            }
            List<Text> rules = new ArrayList<>();
            Map<String, Integer> ruleLines = new LinkedHashMap<>();
            if (rulesNode instanceof Node.ListNode list && !list.items().isEmpty()) {
                for (Node rule : list.items()) {
                    String path = entry.path("rules") + "[" + (rules.size() + 1) + "]";
                    if (rule instanceof Node.MapNode texts) {
                        rules.add(Fields.textOf(texts, fileName, path, files.problems));
                    } else {
                        files.problems.error(fileName, rule.line(), path,
                                "expected a rule as a text per language, like {en: \"...\", fr: \"...\"}, found " + rule.kind());
                        rules.add(Text.NONE);
                    }
                    ruleLines.put(path, rule.line());
                }
            } else if (rulesNode != null) {
                entry.error("rules", "expected a list of rules, each a text per language, found "
                        + (rulesNode instanceof Node.ListNode ? "an empty list" : rulesNode.kind()));
            }
            if (id == null) {
                continue;
            }
            entry.checkId("id", id);
            if (profiles.containsKey(id)) {
                entry.error("id", "duplicate profile id '" + id + "'; it is already defined on line " + profiles.get(id).line());
                continue;
            }
            profiles.put(id, new Entry(new Policy(id, kind == null ? Policy.Kind.MARKETPLACE : kind, name, rules), entry.line(),
                    ruleLines, entry.line("name")));
        }
        root.rejectUnknownKeys();
    }

    /**
     * The profile a listing names in {@code policy}, or {@code null} (reported): the id must be one of
     * {@code policies.yaml}, never a policy text of its own. Each language of the course must be in the profile's name
     * and rules (reported once per profile and language, at the profile).
     */
    Policy resolve(Fields listing, CourseContext context) {
        Node node = listing.node("policy", true, "the id of the platform's policy profile in " + fileName);
        if (node == null) {
            return null;
        }
        if (!(node instanceof Node.ScalarNode scalar) || scalar.value().isBlank()) {
            listing.error("policy", "an inline policy text; name a profile from " + fileName + " instead, e.g. policy: "
                    + profiles.keySet().stream().findFirst().orElse("global-marketplace")
                    + ", so every listing on one platform shows the same rules");
            return null;
        }
        String id = scalar.value().trim();
        Entry entry = profiles.get(id);
        if (entry == null) {
            listing.error("policy", "unknown policy profile '" + id + "'; "
                    + (found ? "expected one of: " + String.join(", ", profiles.keySet())
                            : "expected a profile of " + fileName + ", which was not found"));
            return null;
        }
        checkLanguages(entry, context);
        return entry.policy();
    }

    /** Records that a listing names a profile, with its decision, for {@link #checkDecisions}. */
    void used(Policy policy, String course, AnswerKey.Decision decision) {
        uses.computeIfAbsent(policy.id(), id -> new ArrayList<>()).add(new Use(course, decision));
    }

    private void checkLanguages(Entry entry, CourseContext context) {
        Policy policy = entry.policy();
        String named = "; the profile is named by course '" + context.id + "', offered in " + String.join(", ", context.languages);
        for (String language : context.languages) {
            if (!reportedLanguages.add(policy.id() + "|" + language)) {
                continue;
            }
            String at = "policies[" + policy.id() + "]";
            if (policy.name().byLanguage().get(language) == null) {
                files.problems.error(fileName, entry.nameLine(), at + ".name", "missing translation for '" + language + "'" + named);
            }
            int index = 0;
            for (Map.Entry<String, Integer> rule : entry.ruleLines().entrySet()) {
                if (policy.rules().get(index++).byLanguage().get(language) == null) {
                    files.problems.error(fileName, rule.getValue(), rule.getKey(), "missing translation for '" + language + "'" + named);
                }
            }
        }
    }

    /**
     * Every profile named by listings of courses that loaded must serve listings of at least two decisions; a profile no
     * listing names is a warning (listings of courses with errors count for that, not for the decisions).
     */
    void checkDecisions(Set<String> loadedCourses) {
        for (Entry entry : profiles.values()) {
            String id = entry.policy().id();
            List<Use> all = uses.getOrDefault(id, List.of());
            if (all.isEmpty()) {
                files.problems.warning(fileName, entry.line(), "policies[" + id + "]",
                        "no listing names this profile; name it from listings with `policy: " + id + "` or remove it");
                continue;
            }
            List<Use> loaded = all.stream().filter(u -> loadedCourses.contains(u.course())).toList();
            Map<AnswerKey.Decision, Long> decisions = new EnumMap<>(loaded.stream()
                    .collect(Collectors.groupingBy(Use::decision, () -> new EnumMap<>(AnswerKey.Decision.class), Collectors.counting())));
            if (loaded.isEmpty() || decisions.size() >= 2) {
                continue;
            }
            AnswerKey.Decision only = decisions.keySet().iterator().next();
            Map<String, Long> byCourse = new TreeMap<>(loaded.stream().collect(Collectors.groupingBy(Use::course, Collectors.counting())));
            files.problems.error(fileName, entry.line(), "policies[" + id + "]", "profile '" + id + "' (line " + entry.line()
                    + ") serves one decision only; decisions found: " + only.name().toLowerCase(Locale.ROOT) + " ("
                    + loaded.size() + " listings: " + byCourse.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", "))
                    + "); a profile must be named by listings of at least two decisions (allow, remove, escalate) over all"
                    + " courses, or a learner reads the decision off the policy: name it from listings of another decision or"
                    + " move these listings to another profile");
        }
    }
}
