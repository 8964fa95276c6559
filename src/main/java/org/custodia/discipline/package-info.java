/**
 * Discipline within the Mandela limits: charges laid within the hours after an incident, the hearing, the person's
 * account, the outcome and the sanctions (those MANDELA-43 and 97 forbid cannot be recorded), and the solitary
 * confinement register (MANDELA-43..46): basis, authority and place, a day counter that refuses day 16 and alerts at
 * day 13, placements blocked by a health finding, daily health visits, an hour outdoors and reviews.
 */
package org.custodia.discipline;
