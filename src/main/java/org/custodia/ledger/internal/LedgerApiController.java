package org.custodia.ledger.internal;

import jakarta.validation.Valid;
import java.util.List;
import org.custodia.accounts.AccessLog;
import org.custodia.ledger.Checkpoint;
import org.custodia.ledger.LedgerService;
import org.custodia.ledger.SigningKeys;
import org.custodia.ledger.VerificationResult;
import org.custodia.platform.Access;
import org.custodia.platform.Official;
import org.custodia.platform.Officials;
import org.custodia.platform.validation.Text;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
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
        Official official = Officials.current();
        accessLog.record("EXPORT_LEDGER", "ledger", null, official.national() ? "all chains"
                : "chains " + String.join(",", new java.util.TreeSet<>(official.facilities())));
        StreamingResponseBody body = out -> ledger.export(official, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/jsonl"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"custodia-ledger.jsonl\"")
                .body(body);
    }

    /** Signs each chain's head and records the checkpoint: a write, so a POST. */
    @PostMapping("/checkpoints")
    @PreAuthorize(Access.OVERSIGHT)
    @ResponseStatus(HttpStatus.CREATED)
    List<Checkpoint> issueCheckpoints() {
        return ledger.issueCheckpoints(Officials.current());
    }

    /** The public keys that sign checkpoints, for inspectors to pin (keep them outside Custodia). */
    @GetMapping("/keys")
    @PreAuthorize(Access.OVERSIGHT)
    List<SigningKeys.PublicKey> keys() {
        return ledger.publicKeys();
    }

    record Rotation(@Text(max = 100) String chain, @Text(max = 2000, multiline = true) String reason) {
    }

    /** A new signing key for a chain, recorded on that chain; inspectors pin the new public key. */
    @PostMapping("/keys/rotate")
    @PreAuthorize(Access.KEY_CUSTODIANS)
    @ResponseStatus(HttpStatus.CREATED)
    SigningKeys.PublicKey rotate(@RequestBody @Valid Rotation r) {
        if (r.chain() == null || r.chain().isBlank() || r.chain().length() > 20) {
            throw new org.custodia.platform.InvalidRequestException("chain", "a chain: a facility code or NACIONAL");
        }
        return ledger.rotateKey(r.chain(), r.reason(), Officials.current());
    }

    /** Checkpoints issued so far, newest first; reading them signs and records nothing. */
    @GetMapping("/checkpoints")
    @PreAuthorize(Access.OVERSIGHT)
    List<Checkpoint> checkpoints(@RequestParam(defaultValue = "200") int limit) {
        return ledger.issuedCheckpoints(Officials.current(), Math.max(1, Math.min(limit, 5000)));
    }
}
