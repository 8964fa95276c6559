package org.custodia.platform.validation;

/**
 * Validation group of "this field is required": checked by the service ({@link RecordCheck}), after the role rule,
 * not while the request body is read, so that an official whose duties do not include the action gets 403 whatever
 * the body holds. Constraints on the form of a value (length, characters, bounds) stay in the default group.
 */
public interface Required {
}
