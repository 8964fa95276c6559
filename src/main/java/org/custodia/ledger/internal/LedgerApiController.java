package org.custodia.ledger.internal;

import java.util.List;
import org.custodia.accounts.AccessLog;
import org.custodia.ledger.Checkpoint;
import org.custodia.ledger.LedgerService;
import org.custodia.ledger.VerificationResult;
import org.custodia.platform.Access;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/ledger")
class LedgerApiController {
    private final LedgerService ledger;
    private final AccessLog accessLog;

    LedgerApiController(LedgerService ledger, AccessLog accessLog) {
        this.ledger = ledger;
        this.accessLog = accessLog;
    }

    @GetMapping("/verify")
    @PreAuthorize(Access.OVERSIGHT)
    VerificationResult verify() {
        return ledger.verify();
    }

    /** JSON Lines, one entry a line; check it offline with {@code java -jar custodia.jar verify-ledger}. */
    @GetMapping("/export")
    @PreAuthorize(Access.AUDITORS)
    ResponseEntity<StreamingResponseBody> export() {
        accessLog.record("EXPORT_LEDGER", "ledger", null, "full export");
        StreamingResponseBody body = ledger::export;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/jsonl"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"custodia-ledger.jsonl\"")
                .body(body);
    }

    @GetMapping("/checkpoints")
    @PreAuthorize(Access.OVERSIGHT)
    List<Checkpoint> checkpoints() {
        return ledger.checkpoints();
    }
}
