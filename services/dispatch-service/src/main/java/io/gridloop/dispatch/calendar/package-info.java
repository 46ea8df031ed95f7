/**
 * The holiday calendar as stored and edited (放假调休 years, the API to add one), its health, and the 1-3-5 settings
 * that, with it, make each case's deadlines.
 *
 * <p>May use: deadline (the rules) and access.
 */
package io.gridloop.dispatch.calendar;
