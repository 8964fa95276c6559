/**
 * People in custody: identity, bookings, current location; admission, move and release, each written to the
 * ledger in the transaction of the change. Public API: {@link org.custodia.people.PeopleService}.
 */
package org.custodia.people;
