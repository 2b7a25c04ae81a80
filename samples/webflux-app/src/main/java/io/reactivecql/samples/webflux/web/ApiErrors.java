package io.reactivecql.samples.webflux.web;

import io.reactivecql.api.errors.BootstrappingException;
import io.reactivecql.api.errors.BusyConnectionException;
import io.reactivecql.api.errors.CasWriteUnknownException;
import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.api.errors.DriverException;
import io.reactivecql.api.errors.NoNodeAvailableException;
import io.reactivecql.api.errors.OperationTimedOutException;
import io.reactivecql.api.errors.OverloadedException;
import io.reactivecql.api.errors.QueryConsistencyException;
import io.reactivecql.api.errors.ReadTimeoutException;
import io.reactivecql.api.errors.RequestThrottlingException;
import io.reactivecql.api.errors.SessionClosedException;
import io.reactivecql.api.errors.UnavailableException;
import io.reactivecql.api.errors.WriteTimeoutException;
import io.reactivecql.samples.webflux.catalogue.ConflictException;
import io.reactivecql.samples.webflux.catalogue.InvalidCursorException;
import io.reactivecql.samples.webflux.catalogue.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Errors as RFC 9457 problem details ({@code application/problem+json}):
 * <ul>
 *   <li>invalid input: 400, with {@code errors: [{field, message}]};</li>
 *   <li>{@link NotFoundException}: 404; {@link ConflictException} (a lightweight transaction not
 *       applied): 409 with the row's {@code currentVersion};</li>
 *   <li>the cluster cannot serve the request now (not enough replicas alive, a server or client
 *       timeout, overload, no node reachable, throttled): 503 with {@code Retry-After};</li>
 *   <li>any other driver error (a bad query, missing permission): 500, logged.</li>
 * </ul>
 * An error after a stream's first element cannot change the status any more: the connection is
 * closed instead, so a streaming client sees a truncated body.
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private final String retryAfterSeconds;

    public ApiErrors(@Value("${catalogue.retry-after:1s}") Duration retryAfter) {
        this.retryAfterSeconds = Long.toString(Math.max(1, retryAfter.toSeconds()));
    }

    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), Map.of());
    }

    @ExceptionHandler(ConflictException.class)
    public ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(),
                e.currentVersion() == null ? Map.of() : Map.of("currentVersion", e.currentVersion()));
    }

    @ExceptionHandler(InvalidCursorException.class)
    public ResponseEntity<ProblemDetail> badCursor(InvalidCursorException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), Map.of("errors", List.of(fieldError("cursor", e.getMessage()))));
    }

    /** The cluster cannot serve this now; the same request may well succeed a moment later. */
    @ExceptionHandler({UnavailableException.class, ReadTimeoutException.class, WriteTimeoutException.class,
            CasWriteUnknownException.class, OperationTimedOutException.class, OverloadedException.class,
            BootstrappingException.class, NoNodeAvailableException.class, RequestThrottlingException.class,
            BusyConnectionException.class, ConnectionClosedException.class, SessionClosedException.class})
    public Mono<ResponseEntity<ProblemDetail>> unavailable(DriverException e, ServerWebExchange exchange) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(e); // mid-stream: the status is sent, WebFlux aborts the response
        }
        LOG.warn("503: {}", e.toString());
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.SERVICE_UNAVAILABLE,
                "the database cannot serve this request now: " + describe(e), Map.of("cause", e.getClass().getSimpleName()));
        return Mono.just(ResponseEntity.status(response.getStatusCode()).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .body(response.getBody()));
    }

    /** Anything else the driver reports is this application's fault (a bad query, a missing grant). */
    @ExceptionHandler(DriverException.class)
    public Mono<ResponseEntity<ProblemDetail>> driverError(DriverException e, ServerWebExchange exchange) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(e);
        }
        LOG.error("500 from the driver", e);
        return Mono.just(problem(HttpStatus.INTERNAL_SERVER_ERROR, "database error",
                Map.of("cause", e.getClass().getSimpleName())));
    }

    /** {@code @Valid} request bodies. */
    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException e, HttpHeaders headers,
                                                                         HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError f : e.getFieldErrors()) {
            errors.add(fieldError(f.getField(), f.getDefaultMessage()));
        }
        e.getBody().setDetail("invalid request: " + errors.size() + " field(s) rejected");
        e.getBody().setProperty("errors", errors);
        return handleExceptionInternal(e, e.getBody(), headers, status, exchange);
    }

    /** Constraints on path variables and parameters, and on bodies of methods that have both. */
    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bodyErrors) {
                for (FieldError f : bodyErrors.getFieldErrors()) {
                    errors.add(fieldError(f.getField(), f.getDefaultMessage()));
                }
            } else {
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(fieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()));
                }
            }
        }
        e.getBody().setDetail("invalid request: " + errors.size() + " value(s) rejected");
        e.getBody().setProperty("errors", errors);
        return handleExceptionInternal(e, e.getBody(), headers, status, exchange);
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message == null ? "invalid" : message);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, Map<String, Object> properties) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        properties.forEach(body::setProperty);
        return ResponseEntity.status(status).body(body);
    }

    private static String describe(DriverException e) {
        if (e instanceof UnavailableException u) {
            return "not enough replicas alive for " + u.consistency() + " (" + u.alive() + " of " + u.required() + ")";
        }
        if (e instanceof QueryConsistencyException q) {
            return "replicas did not answer in time (" + q.received() + " of " + q.blockFor() + " at " + q.consistency() + ")";
        }
        if (e instanceof OperationTimedOutException t) {
            return "no answer within " + t.timeout();
        }
        return e.getClass().getSimpleName();
    }
}
