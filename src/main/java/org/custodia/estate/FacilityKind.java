package org.custodia.estate;

public enum FacilityKind {
    MAXIMUM_SECURITY, PENITENTIARY, WOMEN, JUVENILE, REMAND
}
