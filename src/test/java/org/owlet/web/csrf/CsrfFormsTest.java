package org.owlet.web.csrf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every form that posts carries the CSRF token: the {@code csrf} tag inside it (templates/tags/csrf.html). */
class CsrfFormsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern FORM = Pattern.compile("(?is)<form\\b([^>]*)>(.*?)</form>");
    private static final Pattern POSTS = Pattern.compile("(?i)\\bmethod\\s*=\\s*\"?post\\b");

    @Test
    void everyFormThatPostsCarriesTheToken() throws IOException {
        List<String> without = new ArrayList<>();
        int posting = 0;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                for (String form : formsWithoutToken(Files.readString(file))) {
                    without.add(TEMPLATES.relativize(file) + ": " + form);
                }
                posting += postingForms(Files.readString(file));
            }
        }
        System.out.printf("CSRF forms: %d forms post, %d without the token%n", posting, without.size());
        assertThat(posting).as("forms that post in the templates").isGreaterThanOrEqualTo(30);
        assertThat(without).isEmpty();
    }

    @Test
    void theCheckFindsAFormWithoutTheToken() {
        assertThat(formsWithoutToken("<form method=\"post\" action=\"/x\"><button>{a:b}</button></form>")).hasSize(1);
        assertThat(formsWithoutToken("<form method=POST action=\"/x\">\n<button>{a:b}</button></form>")).hasSize(1);
        assertThat(formsWithoutToken("<form method=\"post\" action=\"/x\">{#csrf /}<button>{a:b}</button></form>")).isEmpty();
        assertThat(formsWithoutToken("<form method=\"get\" action=\"/x\"><input name=q></form>")).isEmpty();
    }

    static List<String> formsWithoutToken(String template) {
        List<String> found = new ArrayList<>();
        Matcher form = FORM.matcher(template);
        while (form.find()) {
            if (POSTS.matcher(form.group(1)).find() && !form.group(2).contains("{#csrf /}")) {
                found.add("<form" + form.group(1) + ">");
            }
        }
        return found;
    }

    private static int postingForms(String template) {
        int count = 0;
        Matcher form = FORM.matcher(template);
        while (form.find()) {
            count += POSTS.matcher(form.group(1)).find() ? 1 : 0;
        }
        return count;
    }
}
