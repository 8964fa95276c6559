/**
 * Incidents and use of force: what happened, when and where, with later additions; the people involved with their
 * role and the staff involved; a status history that keeps every review and reopening. A fight among people of rival
 * groups names the clash and the pavilion where it happened (the housing view). Use of force: each officer involved
 * owes a statement by a due date (overdue ones on the worklist and the dashboard); restraint, techniques and cameras
 * recorded; each injury opens a health examination (a sick call raised by staff).
 */
package org.custodia.incidents;
