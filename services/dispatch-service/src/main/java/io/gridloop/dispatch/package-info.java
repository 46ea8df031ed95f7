/**
 * Dispatch: the closed loop of a case (分流 → 处理 → 反馈 → 结案), its deadlines, the work lists, and the events of every
 * step.
 *
 * <p>May use: its feature packages below; the contracts and the platform.
 */
package io.gridloop.dispatch;
