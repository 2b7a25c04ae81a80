package io.reactivecql.samples.webflux.web;

import io.reactivecql.samples.webflux.web.ApiRequests.NewProduct;
import io.reactivecql.samples.webflux.web.ApiRequests.NewReview;
import io.reactivecql.samples.webflux.web.ApiRequests.ProductUpdate;
import jakarta.validation.Validator;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/**
 * Makes Hibernate Validator read its message bundles and set up its expression language at
 * startup, on the main thread. Left alone it does that on the first invalid request, reading
 * {@code ValidationMessages} from a jar on the event loop: file I/O where nothing may block
 * (BlockHound fails the tests that see it). Every constraint the API uses is violated once here.
 */
@Component
public class ValidationWarmUp implements SmartInitializingSingleton {

    private final Validator validator;

    public ValidationWarmUp(Validator validator) {
        this.validator = validator;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String tooLong = "x".repeat(4001);
        validator.validate(new NewProduct("not a sku", " ", tooLong, null, new BigDecimal("-1.001")));
        validator.validate(new ProductUpdate(null, tooLong, " ", new BigDecimal("1.001"), 0));
        validator.validate(new NewReview(null, 6, tooLong));
        validator.validate(new NewReview(" ", 0, null));
    }
}
