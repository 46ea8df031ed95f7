package io.gridloop.stats.ledger;

import io.gridloop.contracts.event.CaseTransitioned;

/** A transition with the offset it was read from. */
public record Positioned(long offset, CaseTransitioned transition) {
}
