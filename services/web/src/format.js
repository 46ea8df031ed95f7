// How times and deadlines read to people in China: Beijing time whatever the browser's zone, deadlines as
// 剩余/超期 with the colour the centre's boards use (red overdue, orange warned, green in time).

const BEIJING = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
  minute: '2-digit', hour12: false,
});

/** `2026-12-06 15:04` in Beijing time; empty for nothing. */
export function beijingTime(instant) {
  if (!instant) {
    return '';
  }
  const parts = Object.fromEntries(BEIJING.formatToParts(new Date(instant)).map(p => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}`;
}

/** The month `instant` (default: now) falls in, in Beijing time, as the APIs take months: `2026-12`. */
export function beijingMonth(instant = new Date()) {
  return beijingTime(instant).slice(0, 7);
}

/** A day as the date picker chose it (the browser's calendar day), as the APIs take dates: `2026-12-06`. */
export function dayOf(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function span(ms) {
  const minutes = Math.floor(ms / 60000);
  if (minutes < 60) {
    return `${Math.max(minutes, 1)}分钟`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours}小时`;
  }
  return `${Math.floor(hours / 24)}天${hours % 24 ? hours % 24 + '小时' : ''}`;
}

/**
 * A case's deadline as a tag: `tone` is Element Plus's tag type, `text` what it says.
 *
 * @param c a case or open-case entry: dueAt, warned, overdue, state (closed cases: closedAt)
 */
export function deadlineOf(c, now = Date.now()) {
  if (!c.dueAt) {
    return {tone: 'info', text: '无期限'};
  }
  const due = new Date(c.dueAt).getTime();
  if (c.closedAt) {
    const late = new Date(c.closedAt).getTime() - due;
    return late > 0 ? {tone: 'danger', text: `超期${span(late)}办结`} : {tone: 'success', text: '按期办结'};
  }
  if (c.state === 'SUSPENDED') {
    return {tone: 'info', text: '已挂起（暂停计时）'};
  }
  if (c.overdue || now > due) {
    return {tone: 'danger', text: `已超期${span(Math.max(now - due, 60000))}`};
  }
  return {tone: c.warned ? 'warning' : 'success', text: `剩余${span(due - now)}`};
}

/** Working days to a deadline as a dispatch centre says them (the service counts them on the holiday calendar). */
export function workingDaysText(left) {
  if (left > 0) {
    return `剩余${left}个工作日`;
  }
  return left === 0 ? '今日到期' : `已超期${-left}个工作日`;
}
