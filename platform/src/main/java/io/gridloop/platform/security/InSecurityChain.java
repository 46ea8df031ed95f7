package io.gridloop.platform.security;

import jakarta.servlet.Filter;

/**
 * A filter another concern puts inside the security chain, right after the security context is set up: there it
 * sees every request with its caller, the ones the chain refuses too (the audit trail). A plain {@code Filter} bean
 * would run outside the chain and miss both.
 */
@FunctionalInterface
public interface InSecurityChain {

    Filter filter();
}
