/**
 * Shared Bean Validation constraints for request records: free text ({@link org.custodia.platform.validation.Text}),
 * calendar dates ({@link org.custodia.platform.validation.Day}) and instants
 * ({@link org.custodia.platform.validation.Moment}) within stated bounds. Cross-field and database-dependent rules
 * stay in the services.
 */
package org.custodia.platform.validation;
