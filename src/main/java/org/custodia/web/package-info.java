/** Shared UI only: layout, navigation, languages, the dashboard that brings the modules' figures together. */
package org.custodia.web;
