package org.custodia.estate;

public record NewFacility(String code, String name, FacilityKind kind, String jurisdiction, Integer declaredCapacity) {
}
