/**
 * The loop's application services: opening a case from a report, people's actions on it (CaseWork, CaseController),
 * the 12345 return visits, extension decisions and re-opening requests, case numbers, the case page's view, search
 * and the vocabulary the pages show.
 *
 * <p>May use: casestore, lifecycle, routing, rules, deadline, calendar, unit, search, access.
 */
package io.gridloop.dispatch.casework;
