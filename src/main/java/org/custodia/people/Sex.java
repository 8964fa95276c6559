package org.custodia.people;

public enum Sex {
    FEMALE, MALE, OTHER
}
