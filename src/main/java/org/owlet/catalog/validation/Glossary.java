package org.owlet.catalog.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One glossary per language ({@code courses/glossary.yaml}): the fixed terms, each with the alternatives authors must
 * not use instead, and the register (Spanish usted, Dutch u, Brazilian Portuguese) with markers of the other register.
 * {@link #check} warns about every alternative or marker found in a text of that language.
 * <p>
 * A listed word matches as a whole word, ignoring case ({@code registo} does not match {@code registos}); a word ending
 * in {@code *} matches every word that starts with it ({@code registad*}). In languages written without spaces
 * ({@code zh-CN}) a word matches anywhere in the text.
 *
 * @param file where the glossary was read, named in the warnings
 * @param languages the entry of each language tag that has one
 */
public record Glossary(String file, Map<String, Language> languages) {

    /** A fixed term: the word to write ({@code use}) and the alternatives that mean the same and must not be written. */
    public record Term(String id, String use, List<String> avoid) {
    }

    /** The register a language's texts keep ({@code name}) and the words that only the other register uses. */
    public record Register(String name, List<String> otherMarkers) {
    }

    public record Language(String tag, List<Term> terms, Register register) {
    }

    private record Hit(String word, int start) {
    }

    /** Warns about every avoided alternative and every marker of the other register in {@code text}. */
    public void check(String textFile, int line, String field, String language, String text, Problems problems) {
        Language entry = languages.get(language);
        if (entry == null) {
            return;
        }
        for (Term term : entry.terms()) {
            for (String avoid : term.avoid()) {
                for (Hit hit : find(avoid, language, text)) {
                    problems.warning(textFile, lineOf(line, text, hit.start()), field, "'" + hit.word()
                            + "' is not the glossary's term for " + term.id() + " in '" + language + "'; expected '"
                            + term.use() + "' (" + file + ")");
                }
            }
        }
        if (entry.register() != null) {
            for (String marker : entry.register().otherMarkers()) {
                for (Hit hit : find(marker, language, text)) {
                    problems.warning(textFile, lineOf(line, text, hit.start()), field, "'" + hit.word()
                            + "' is a word of the other register; expected " + entry.register().name()
                            + " throughout the '" + language + "' texts (" + file + ")");
                }
            }
        }
    }

    /**
     * The line of a hit: a YAML text is reported on the line of its language key ({@code line > 0}); in a whole file
     * ({@code line} 0, a lesson) the hit's own line, counted from 1.
     */
    private static int lineOf(int line, String text, int start) {
        if (line > 0) {
            return line;
        }
        int lines = 1;
        for (int i = 0; i < start; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static List<Hit> find(String word, String language, String text) {
        List<Hit> hits = new ArrayList<>();
        Matcher matcher = pattern(word, language).matcher(text);
        while (matcher.find()) {
            hits.add(new Hit(matcher.group(), matcher.start()));
        }
        return hits;
    }

    /** The pattern a listed word matches (see the class comment). */
    static Pattern pattern(String word, String language) {
        boolean prefix = word.endsWith("*");
        String bare = prefix ? word.substring(0, word.length() - 1) : word;
        String regex = Pattern.quote(bare);
        if (!withoutSpaces(language)) {
            regex = "(?<![\\p{L}\\p{N}\\p{M}])" + regex + (prefix ? "[\\p{L}\\p{N}\\p{M}]*" : "(?![\\p{L}\\p{N}\\p{M}])");
        }
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Languages whose words are not separated by spaces: a listed word is matched anywhere. */
    static boolean withoutSpaces(String language) {
        return language.startsWith("zh") || language.startsWith("ja");
    }
}
