/**
 * The rate formulas as data (办结率 = 办结数 ÷ 上报数 …), validated and parsed once; plain Java (CountingIsPlainJavaTest).
 *
 * <p>May use: counting.
 */
package io.gridloop.stats.formula;
