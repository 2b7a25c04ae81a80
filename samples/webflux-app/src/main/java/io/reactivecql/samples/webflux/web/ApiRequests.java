package io.reactivecql.samples.webflux.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** The JSON bodies the API accepts, with their validation rules (a violation is a 400 naming the field). */
public final class ApiRequests {

    /** What a sku looks like: also checked on path variables. */
    public static final String SKU = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

    private ApiRequests() {
    }

    /** POST /products */
    public record NewProduct(
            @NotNull @Pattern(regexp = SKU, message = "must be 1-64 letters, digits, '-' or '_'") String sku,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @NotBlank @Size(max = 100) String category,
            @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal price) {
    }

    /** PUT /products/{sku}: every field, and the version the client read (optimistic concurrency). */
    public record ProductUpdate(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @NotBlank @Size(max = 100) String category,
            @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal price,
            @NotNull @Min(1) Integer version) {
    }

    /** POST /products/{sku}/reviews */
    public record NewReview(
            @NotBlank @Size(max = 100) String author,
            @NotNull @Min(1) @Max(5) Integer rating,
            @Size(max = 4000) String comment) {
    }
}
