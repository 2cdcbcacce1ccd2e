package org.owlet.home;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** My progress names the language of an attempt in the page's language, not in its own. */
class LanguageNameTest {

    @Test
    void theNameIsInThePagesLanguage() {
        assertThat(HomeResource.languageName("en", "fr")).isEqualTo("Anglais");
        assertThat(HomeResource.languageName("en", "en")).isEqualTo("English");
        assertThat(HomeResource.languageName("vi", "en")).isEqualTo("Vietnamese");
        assertThat(HomeResource.languageName("fr", "nl")).isEqualTo("Frans");
        assertThat(HomeResource.languageName("zh-CN", "en")).isEqualTo("Chinese (China)");
        assertThat(HomeResource.languageName("en", "zh-CN")).isEqualTo("英语");
    }

    @Test
    void anUnknownTagStaysAsItIs() {
        assertThat(HomeResource.languageName("xq", "en")).isEqualTo("xq");
        assertThat(HomeResource.languageName(null, "en")).isEmpty();
    }
}
