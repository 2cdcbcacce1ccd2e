package org.owlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Course files must write a tag exactly as Owlet lists it; a browser's or user's tag is matched leniently. */
class LanguagesTest {

    @Test
    void courseFilesUseTheListedTagsExactly() {
        assertThat(Languages.TAGS).containsExactly("en", "fr", "es", "pt", "zh-CN", "vi", "id", "nl");
        assertThat(Languages.isKnown("zh-CN")).isTrue();
        assertThat(Languages.isKnown("FR")).isFalse();
        assertThat(Languages.isKnown("zh")).isFalse();
        assertThat(Languages.isKnown("de")).isFalse();
    }

    @Test
    void aRequestedTagIsMatchedLeniently() {
        assertThat(Languages.match("FR")).map(Languages.Language::tag).hasValue("fr");
        assertThat(Languages.match("zh")).map(Languages.Language::tag).hasValue("zh-CN");
        assertThat(Languages.match("pt-BR")).map(Languages.Language::tag).hasValue("pt");
        assertThat(Languages.match("de")).isEmpty();
    }
}
