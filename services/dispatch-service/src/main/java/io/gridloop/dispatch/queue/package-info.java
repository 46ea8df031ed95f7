/**
 * The work lists: each unit's open cases (OpenCases, following the relayed cases), the dispatch centre's tabs (待分流,
 * 在办, 待复核, 延期待审, 预警超期) and 已办结 by day.
 *
 * <p>May use: casestore (to follow cases), lifecycle, routing, deadline, access.
 */
package io.gridloop.dispatch.queue;
