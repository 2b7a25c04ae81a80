package io.reactivecql.samples.webflux.catalogue;

import java.util.List;

/**
 * One page of the catalogue.
 *
 * @param items the products of this page
 * @param next  the cursor of the next page (the sku of this page's last product), or null after the last page
 */
public record ProductPage(List<Product> items, String next) {
}
