/**
 * Deaths, serious injuries and reasonable grounds of torture or ill-treatment in custody (MANDELA-71, 69, 8, 34):
 * each is reported at once to the independent authority (the inspector sees the case from the moment it is
 * recorded and acknowledges it), the next of kin told, the remains' destination and the cause once established
 * recorded. A death ends the stay (release on DEATH exists only here) and holds the person's records as evidence.
 * Staff named as involved cannot read or act on the case. Also the figure of deaths per 1,000 people a year.
 */
package org.custodia.oversight;
