/**
 * Where cases are kept and how they are written: the case documents (CaseFiles), the one write path (CaseCommits:
 * lock, read, transition, store over the version read, relay), the outbox relay to grid.case.transitioned.v1 and
 * its sweep, and the views that follow each relayed case (CaseFollower).
 *
 * <p>May use: lifecycle and deadline (the stored form holds their values), the platform; nothing of the packages
 * that use it.
 */
package io.gridloop.dispatch.casestore;
