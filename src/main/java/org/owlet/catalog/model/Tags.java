package org.owlet.catalog.model;

import java.util.List;

/**
 * What an item is about, for pools, statistics and "topics to review": species, product, CITES appendix, skill, and
 * {@code subject}: whether the thing it shows is the protected product ({@code protected}) or a legal look-alike
 * ({@code lookalike}), so that a drill deck can be checked for balance.
 */
public record Tags(List<String> species, List<String> product, List<String> cites, List<String> skill,
        List<String> subject) {

    public static final String PROTECTED = "protected";
    public static final String LOOKALIKE = "lookalike";

    public static final Tags NONE = new Tags(List.of(), List.of(), List.of(), List.of(), List.of());
}
