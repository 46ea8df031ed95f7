package io.gridloop.dispatch.casestore;

import org.springframework.stereotype.Component;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises this instance's work on one case: an action, the relay of its events and the queue entry they
 * update happen as one step, so whatever runs next for the case starts from the state the last one left — and
 * the relay can use the case it was handed instead of reading it back. Other instances are kept apart by the
 * version guard on every case write. Striped, so there is no lock object per case.
 */
@Component
public class CaseLocks {

    private final ReentrantLock[] stripes = new ReentrantLock[64];

    CaseLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    public <T> T withCase(String caseId, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(caseId.hashCode(), stripes.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
