package org.custodia.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The last line of defence: whatever fails, the answer carries our code and text, never the failure's. */
class ApiErrorHandlerTest {
    final ApiErrorHandler handler = new ApiErrorHandler();

    @Test
    void anUnexpectedFailureAnswers500WithAnErrorIdAndNotItsMessage() {
        ResponseEntity<Object> r = handler.unexpected(new IllegalStateException("select secret from account"));

        ProblemDetail pd = (ProblemDetail) r.getBody();
        assertThat(r.getStatusCode().value()).isEqualTo(500);
        assertThat(pd.getProperties()).containsEntry("code", "internal-error").containsKey("errorId");
        assertThat(pd.getDetail()).doesNotContain("secret");
    }

    @Test
    void aValueTheDatabaseCannotStoreIsTheClients() {
        ResponseEntity<Object> r = handler.database(new DataIntegrityViolationException("x",
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021")));

        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(((ProblemDetail) r.getBody()).getDetail()).doesNotContain("0x00");
    }

    @Test
    void aUniquenessRaceIsAConflictToRetry() {
        ResponseEntity<Object> r = handler.database(new DataIntegrityViolationException("x",
                new SQLException("duplicate key value violates unique constraint", "23505")));

        assertThat(r.getStatusCode().value()).isEqualTo(409);
        assertThat(((ProblemDetail) r.getBody()).getProperties()).containsEntry("code", "in-progress");
    }

    @Test
    void everyCodeIsDistinct() {
        assertThat(java.util.Arrays.stream(ErrorCode.values()).map(ErrorCode::code).distinct().count())
                .isEqualTo(ErrorCode.values().length);
    }
}
