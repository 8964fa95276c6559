/**
 * The legal basis of custody: sentences and their arithmetic (concurrent and consecutive terms, credit for time on
 * remand, release dates over centuries). Public API: {@link org.custodia.legal.SentenceService} and the pure
 * {@link org.custodia.legal.SentenceCalculator}.
 */
package org.custodia.legal;
