package org.custodia.ledger;

import java.util.List;

/**
 * The outcome of checking the ledger (in the database or as an export): how many entries were read, whether every
 * chain is intact and passes through every checkpoint given, and where the first fault is.
 */
public record VerificationResult(long entries, boolean valid, String firstInvalidChain, Long firstInvalidSequence,
                                 List<ChainReport> chains) {

    /** One chain's state after verification; {@code problem} says what was wrong at {@code firstInvalidSequence}. */
    public record ChainReport(String chain, long entries, long headSequence, String headHash, boolean valid,
                              Long firstInvalidSequence, String problem) {
    }
}
