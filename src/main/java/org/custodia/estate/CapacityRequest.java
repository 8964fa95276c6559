package org.custodia.estate;

import java.time.Instant;

/** A request to change a cell's certified capacity, and its decision by a second official. */
public record CapacityRequest(long id, long locationId, String facilityCode, String locationCode,
                              Integer currentCapacity, int requestedCapacity, String reason, String requestedBy,
                              Instant requestedAt, String status, String decidedBy, Instant decidedAt,
                              String decisionNote) {
}
