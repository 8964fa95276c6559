/**
 * Housing and separation. So far: configurable groups and which pairs must never share a cell or a pavilion, and
 * affiliation claims per person (source, evidence, confidence), disputed and closed but never deleted.
 * Public API: {@link org.custodia.housing.AffiliationService}.
 */
package org.custodia.housing;
