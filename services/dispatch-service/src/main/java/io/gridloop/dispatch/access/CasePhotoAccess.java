package io.gridloop.dispatch.access;

import io.gridloop.dispatch.casefile.CaseFiles;
import io.gridloop.platform.photo.PhotoAccess;
import io.gridloop.platform.security.Caller;
import org.springframework.stereotype.Component;

/** The photos taken with a case's actions (feedback, 办结 photos) are read by whoever may read the case. */
@Component
class CasePhotoAccess implements PhotoAccess {

    private final CaseFiles cases;

    CasePhotoAccess(CaseFiles cases) {
        this.cases = cases;
    }

    @Override
    public boolean mayRead(Caller caller, String caseId) {
        return cases.find(caseId).map(c -> CaseAccess.maySee(caller, c)).orElse(false);
    }
}
