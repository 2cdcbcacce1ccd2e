package org.owlet.catalog.model;

/** A public source an item or lesson rests on, listed once in {@code courses/sources.yaml}. */
public record Source(String id, String title, String author, Integer year, String url) {
}
