/**
 * The 12345 hotline interface ({@code contracts/openapi/hotline-12345.yaml}) as Java records: what the hotline
 * and the bridge send each other over HTTP, and how they sign it. The bridge and the hotline simulator both use
 * these, so the two sides cannot drift apart; the OpenAPI document is the reference for other implementations.
 *
 * <p>May use: the event vocabulary of the contracts and Jakarta Validation's annotations.
 */
package io.gridloop.contracts.hotline;
