/**
 * Case search: the terms of a case (CJK character pairs, Latin and digit runs) and their postings by district, day
 * and block of case numbers.
 *
 * <p>May use: lifecycle.
 */
package io.gridloop.dispatch.search;
