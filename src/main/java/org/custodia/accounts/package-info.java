/**
 * Staff accounts, roles, facility scope, login and the access log (MANDELA-9). The public API is
 * {@link org.custodia.accounts.AccountService} and {@link org.custodia.accounts.AccessLog}.
 */
package org.custodia.accounts;
