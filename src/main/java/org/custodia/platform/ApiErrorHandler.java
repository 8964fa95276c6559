package org.custodia.platform;

import java.net.URI;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into {@code application/problem+json} with a stable {@link ErrorCode}. Each refusal names
 * the fields at fault so that a client can correct its request; nothing has been changed when one is returned.
 * Texts are ours: never an exception message from a library, never SQL. An unexpected failure is logged with an
 * id that the 500 answer carries, so that an operator can find it.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorHandler extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(ErrorCode.NOT_FOUND, e.getMessage(), Map.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e) {
        ResponseEntity<Object> r = problem(e.code(), e.getMessage(), Map.of());
        e.details().forEach(((ProblemDetail) r.getBody())::setProperty);
        return r;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalid(InvalidRequestException e) {
        return problem(ErrorCode.INVALID_REQUEST, e.getMessage(), e.errors());
    }

    /**
     * What PostgreSQL refuses after validation let it through: a value it cannot store (class 22: out of range,
     * a character the encoding refuses) is the client's; a uniqueness race is a conflict to retry; the rest is ours.
     * The transaction has rolled back either way.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> database(DataAccessException e) {
        String state = sqlState(e);
        if (state != null && state.startsWith("22")) {
            return problem(ErrorCode.INVALID_REQUEST, "A value is out of range or holds characters that cannot be "
                    + "stored", Map.of());
        }
        if (state != null && (state.equals("23505") || state.equals("40001") || state.equals("40P01"))) {
            return problem(ErrorCode.IN_PROGRESS, "Another request changed the same records at the same moment; "
                    + "nothing was changed, try again", Map.of());
        }
        return unexpected(e);
    }

    /** Refusals by Spring Security are answered by its own handlers (401/403 with their codes). */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        String id = UUID.randomUUID().toString();
        LOG.error("Unexpected failure, error id {}", id, e);
        ResponseEntity<Object> r = problem(ErrorCode.INTERNAL_ERROR, "Something failed on our side; nothing was "
                + "changed. Give the error id to the administrator", Map.of());
        ((ProblemDetail) r.getBody()).setProperty("errorId", id);
        return r;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors()
                .forEach(f -> errors.putIfAbsent(f.getField(), f.getDefaultMessage()));
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.putIfAbsent(g.getObjectName(), g.getDefaultMessage()));
        return problem(ErrorCode.INVALID_REQUEST, "The request has invalid fields", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.putIfAbsent(r.getMethodParameter().getParameterName(), err.getDefaultMessage())));
        return problem(ErrorCode.INVALID_REQUEST, "The request has invalid parameters", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (LimitedInputStream.causedBy(e)) {
            return problem(ErrorCode.TOO_LARGE, "The request body is too large", Map.of());
        }
        return problem(ErrorCode.UNREADABLE,
                "The request body is not valid JSON of the expected shape (check field types, dates as YYYY-MM-DD "
                        + "and codes)", Map.of());
    }

    /** Spring MVC's own refusals (method, media type, missing or mistyped parameter): our code, Spring's text. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> r = super.handleExceptionInternal(e, body, headers, status, request);
        if (r != null && r.getBody() instanceof ProblemDetail pd) {
            ErrorCode code = ErrorCode.forStatus(status.value());
            pd.setType(URI.create("urn:custodia:problem:" + code.code()));
            pd.setProperty("code", code.code());
            return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
        }
        return r;
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    static ResponseEntity<Object> problem(ErrorCode code, String detail, Map<String, String> errors) {
        HttpStatus status = HttpStatus.valueOf(code.status());
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create("urn:custodia:problem:" + code.code()));
        pd.setTitle(status.getReasonPhrase());
        pd.setProperty("code", code.code());
        if (!errors.isEmpty()) {
            pd.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
