package org.owlet.catalog.model;

import java.util.List;

/** What an item is about, for pools, statistics and "topics to review": species, product, CITES appendix, skill. */
public record Tags(List<String> species, List<String> product, List<String> cites, List<String> skill) {

    public static final Tags NONE = new Tags(List.of(), List.of(), List.of(), List.of());
}
