package io.reactivecql.mapper.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NamingStrategyTest {

    @ParameterizedTest
    @CsvSource({
            "id, id",
            "createdAt, created_at",
            "userID, user_id",
            "HTMLParser, html_parser",
            "getHTTPResponseCode, get_http_response_code",
            "ProductV2, product_v2",
            "address2, address2",
            "address2Line, address2_line",
            "OrderItem, order_item",
            "URL, url",
            "already_snake, already_snake",
            "x, x",
            "aB, a_b",
            "ABc, a_bc",
    })
    void snakeCase(String java, String cql) {
        assertEquals(cql, NamingStrategy.SNAKE_CASE.apply(java));
    }

    @ParameterizedTest
    @CsvSource({"createdAt, createdat", "UserID, userid", "x, x"})
    void lowerCase(String java, String cql) {
        assertEquals(cql, NamingStrategy.LOWER_CASE.apply(java));
    }

    @ParameterizedTest
    @CsvSource({"createdAt, createdAt", "UserID, UserID"})
    void exact(String java, String cql) {
        assertEquals(cql, NamingStrategy.EXACT.apply(java));
    }
}
