/**
 * The 12345 bridge: work orders in, status syncs and escalations out, over the interface in
 * contracts/openapi/hotline-12345.yaml.
 *
 * <p>May use: its feature packages below; the contracts and the platform.
 */
package io.gridloop.hotline;
