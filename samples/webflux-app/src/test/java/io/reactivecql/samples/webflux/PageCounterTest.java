package io.reactivecql.samples.webflux;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming proof counts full scans of products only: make sure it recognises them, and nothing else. */
class PageCounterTest {

    @Test
    void recognisesScansOfTheWholeProductsTable() {
        assertThat(PageCounter.isProductScan("SELECT sku, name FROM products")).isTrue();
        assertThat(PageCounter.isProductScan("SELECT \"sku\" FROM \"catalogue\".\"products\"")).isTrue();
        assertThat(PageCounter.isProductScan("select * from catalogue.products;")).isTrue();

        assertThat(PageCounter.isProductScan("SELECT sku FROM products WHERE sku = ?")).isFalse();
        assertThat(PageCounter.isProductScan("SELECT count(*) FROM products")).isFalse();
        assertThat(PageCounter.isProductScan("SELECT sku FROM reviews")).isFalse();
        assertThat(PageCounter.isProductScan("INSERT INTO products (sku) VALUES (?)")).isFalse();
    }
}
