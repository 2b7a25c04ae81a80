package io.reactivecql.samples.webflux.catalogue;

import java.util.List;

/**
 * One page of the catalogue.
 *
 * @param items the products of this page
 * @param next  the cursor of the next page (the driver's paging state, URL-safe base64), or null on the last
 */
public record ProductPage(List<Product> items, String next) {
}
