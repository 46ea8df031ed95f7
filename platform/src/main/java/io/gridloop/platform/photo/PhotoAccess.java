package io.gridloop.platform.photo;

import io.gridloop.platform.security.Caller;

/**
 * Who may read a photo besides its uploader: whoever may read a report or case it is attached to. Each service
 * that stores photos knows what its photos are attached to (intake: reports; dispatch: cases) and answers here;
 * a service without one shows a photo to its uploader only.
 */
@FunctionalInterface
public interface PhotoAccess {

    /** Whether {@code caller} may read the report or case {@code attachedTo} (an id the photo was attached to). */
    boolean mayRead(Caller caller, String attachedTo);
}
