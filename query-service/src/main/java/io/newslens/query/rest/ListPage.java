package io.newslens.query.rest;

import java.util.List;

/** A page of a list endpoint: the total count and the items (see ARCHITECTURE.md, "Other lists"). */
public record ListPage<T>(long total, int page, int size, List<T> items) {
}
