package org.owlet.catalog.model;

/**
 * A public source an item or lesson rests on, listed once in {@code courses/sources.yaml}; {@code language} is the
 * language its title is written in ({@code en} unless the file says otherwise), so pages in another language can mark it.
 */
public record Source(String id, String title, String author, Integer year, String url, String language) {
}
