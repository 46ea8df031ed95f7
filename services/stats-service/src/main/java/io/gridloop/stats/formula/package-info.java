/**
 * The rate formulas as data (办结率 = 办结数 ÷ 上报数 …).
 *
 * <p>May use: counting.
 */
package io.gridloop.stats.formula;
