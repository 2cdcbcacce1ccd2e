package org.owlet.reporting;

import org.owlet.learning.Attempt;
import org.owlet.web.Languages;

import io.quarkus.qute.TemplateExtension;

/** Display helpers of the reporting pages. */
@TemplateExtension
public class ReportExtensions {

    /** A language tag as its own name ("Tiếng Việt"), or the tag itself when unknown. */
    static String languageName(String tag) {
        return tag == null ? "" : Languages.match(tag).map(Languages.Language::nativeName).orElse(tag);
    }

    /** An attempt's score in whole percent. */
    static long percent(Attempt attempt) {
        return attempt.score == null ? 0 : Math.round(attempt.score * 100);
    }

    /** A code as a message key: {@code "in-progress".prefixed("status_")} is {@code status_in_progress}. */
    static String prefixed(String code, String prefix) {
        return prefix + code.replace('-', '_');
    }
}
