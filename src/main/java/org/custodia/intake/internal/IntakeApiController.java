package org.custodia.intake.internal;

import jakarta.validation.Valid;
import java.io.InputStream;
import java.net.URI;
import org.custodia.intake.BatchReport;
import org.custodia.intake.IntakeService;
import org.custodia.platform.Access;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.Officials;
import org.custodia.platform.validation.Text;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/intake/batches")
class IntakeApiController {
    private final IntakeService intake;

    IntakeApiController(IntakeService intake) {
        this.intake = intake;
    }

    /**
     * A batch as CSV ({@code text/csv}, header row with the column names) or JSON (an array of objects). 202 while
     * it is admitted (poll the Location), 422 when it has errors and nobody was admitted, 200 when the same batch
     * was sent before.
     */
    @PostMapping(consumes = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
    @PreAuthorize(Access.RECORDS)
    ResponseEntity<BatchReport> submit(InputStream body,
                                       @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                       @RequestParam(defaultValue = "ALL_OR_NOTHING") String mode,
                                       @RequestParam(required = false) String batchId) {
        IntakeService.Mode m;
        try {
            m = IntakeService.Mode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("mode", "ALL_OR_NOTHING or VALID_ONLY");
        }
        boolean csv = contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv");
        IntakeService.Submission s = intake.submit(body, csv, m, batchId, Officials.current());
        BatchReport r = s.report();
        HttpStatus status = s.repeated() ? HttpStatus.OK
                : r.status().equals("REJECTED") ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status).location(URI.create("/api/intake/batches/" + r.id())).body(r);
    }

    record Resolution(IntakeService.Decision decision,
                      Long personId,
                      @Text(max = 2000, multiline = true) String reason) {
    }

    @PostMapping("/{id}/held/{row}/resolution")
    @PreAuthorize(Access.RECORDS)
    BatchReport resolve(@PathVariable String id, @PathVariable int row, @RequestBody @Valid Resolution r) {
        return intake.resolve(id, row, r.decision(), r.personId(), r.reason(), Officials.current());
    }

    @GetMapping("/{id}")
    @PreAuthorize(Access.LEGAL_OVERSIGHT)
    BatchReport status(@PathVariable String id) {
        return intake.status(id, Officials.current());
    }
}
