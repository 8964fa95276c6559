/**
 * Shared infrastructure every module may use: the database (embedded or external), the clock,
 * and the error vocabulary that maps domain refusals to HTTP answers.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.custodia.platform;
