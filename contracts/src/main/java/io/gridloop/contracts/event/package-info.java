/**
 * The data of each topic (EventReported, CaseTransitioned, DistrictCompletionSnapshot, the 12345 events…) and the
 * vocabulary in it: case states, case actions, categories, sources, urgency, visit results. The JSON Schemas in
 * contracts/schemas say the same.
 *
 * <p>May use: the area vocabulary of the contracts.
 */
package io.gridloop.contracts.event;
