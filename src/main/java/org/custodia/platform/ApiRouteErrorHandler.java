package org.custodia.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Refusals that happen before any handler is chosen (no such route, wrong method or media type): problem+json with
 * their stable code under {@code /api}, the usual error page elsewhere. {@link ApiErrorHandler} only sees failures of
 * a chosen API handler.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRouteErrorHandler {

    @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class, NoResourceFoundException.class})
    ResponseEntity<Object> route(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw e; // pages: Spring's own handling and the error page
        }
        return switch (e) {
            case HttpRequestMethodNotSupportedException m ->
                    ApiErrorHandler.problem(ErrorCode.METHOD_NOT_ALLOWED, "This path does not take " + m.getMethod(),
                            Map.of());
            case HttpMediaTypeNotSupportedException m -> ApiErrorHandler.problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "The body's media type is not one this path takes", Map.of());
            case HttpMediaTypeNotAcceptableException m -> ApiErrorHandler.problem(ErrorCode.NOT_ACCEPTABLE,
                    "This path cannot answer in the media type asked for", Map.of());
            default -> ApiErrorHandler.problem(ErrorCode.NOT_FOUND, "No such path in the API", Map.of());
        };
    }
}
