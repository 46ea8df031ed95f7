package io.gridloop.stats.counting;

/**
 * Which date files a case under a period. Supervisors' 办结率 follows the cases reported in a period
 * (上报时间); the 数字城管 结案率 family follows the cases due in it (应结案: the deadline falls in the period);
 * "now" figures such as 超期 belong to no period at all.
 */
public enum Cohort {
    /** By the day the case was reported. */
    REPORTED,
    /** By the day the case is due (结案期限); moves when the deadline moves. */
    DUE,
    /** The case as it stands now, in no period. */
    LIVE
}
