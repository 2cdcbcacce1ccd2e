package org.owlet.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Owlet's interface and courses are offered in, as BCP 47 tags. */
public final class Languages {

    public record Language(String tag, String nativeName, boolean rightToLeft) {
        public Locale locale() {
            return Locale.forLanguageTag(tag);
        }
    }

    public static final Language DEFAULT = new Language("en", "English", false);

    public static final List<Language> ALL = List.of(
            DEFAULT,
            new Language("fr", "Français", false),
            new Language("es", "Español", false),
            new Language("pt", "Português", false),
            new Language("zh-CN", "中文（简体）", false),
            new Language("vi", "Tiếng Việt", false),
            new Language("id", "Bahasa Indonesia", false),
            new Language("nl", "Nederlands", false));

    /** The tags of {@link #ALL}, as course files write them: {@code en fr es pt zh-CN vi id nl}. */
    public static final List<String> TAGS = ALL.stream().map(Language::tag).toList();

    private Languages() {
    }

    /** Whether {@code tag} is one of {@link #TAGS} exactly as written (course files may not write {@code FR} or {@code zh}). */
    public static boolean isKnown(String tag) {
        return TAGS.contains(tag);
    }

    /** Finds a supported language for a tag such as {@code zh-CN}, {@code zh}, {@code pt-BR} or {@code FR}. */
    public static Optional<Language> match(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        Locale wanted = Locale.forLanguageTag(tag.trim().replace('_', '-'));
        for (Language language : ALL) {
            if (language.locale().equals(wanted) || language.tag().equalsIgnoreCase(tag.trim())) {
                return Optional.of(language);
            }
        }
        for (Language language : ALL) {
            if (language.locale().getLanguage().equals(wanted.getLanguage())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    public static Language forLocale(Locale locale) {
        return match(locale.toLanguageTag()).orElse(DEFAULT);
    }
}
