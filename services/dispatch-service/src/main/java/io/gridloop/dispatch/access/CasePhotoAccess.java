package io.gridloop.dispatch.access;

import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.platform.photo.PhotoAccess;
import io.gridloop.platform.security.Caller;
import io.gridloop.platform.security.Role;
import org.springframework.stereotype.Component;

/**
 * The photos taken with a case's actions (feedback, 办结 photos) are read by whoever may read the case, and by the
 * grid workers of its grid: they reported it or walk past it, and see on their phone what was done (处理后照片).
 */
@Component
class CasePhotoAccess implements PhotoAccess {

    private final CaseFiles cases;

    CasePhotoAccess(CaseFiles cases) {
        this.cases = cases;
    }

    @Override
    public boolean mayRead(Caller caller, String caseId) {
        return cases.find(caseId).map(c -> CaseAccess.maySee(caller, c)
                || caller.can(Role.GRID_WORKER, CaseAccess.areaOf(c))).orElse(false);
    }
}
