// The dashboard's statistics periods as stats-service names them — 2026, 2026-Q4, 2026-12, 2026-12-06 — counted in
// Beijing time whatever the browser's zone.

const ZONE = 'Asia/Shanghai';

/** Today in Beijing: {y, m, d}. */
export function today(now = new Date()) {
  const parts = new Intl.DateTimeFormat('en-CA', {timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit'})
    .formatToParts(now);
  const get = type => +parts.find(p => p.type === type).value;
  return {y: get('year'), m: get('month'), d: get('day')};
}

const pad = n => String(n).padStart(2, '0');

/** The period of `kind` (year, quarter, month, day) that holds today. */
export function currentPeriod(kind, now = new Date()) {
  const t = today(now);
  switch (kind) {
    case 'year': return String(t.y);
    case 'quarter': return `${t.y}-Q${Math.floor((t.m - 1) / 3) + 1}`;
    case 'month': return `${t.y}-${pad(t.m)}`;
    default: return `${t.y}-${pad(t.m)}-${pad(t.d)}`;
  }
}

/** The period `step` periods after (before, when negative) `value`. */
export function shift(kind, value, step) {
  if (kind === 'year') {
    return String(+value + step);
  }
  if (kind === 'quarter') {
    const [y, q] = value.split('-Q').map(Number);
    const index = y * 4 + (q - 1) + step;
    return `${Math.floor(index / 4)}-Q${index % 4 + 1}`;
  }
  if (kind === 'month') {
    const [y, m] = value.split('-').map(Number);
    const index = y * 12 + (m - 1) + step;
    return `${Math.floor(index / 12)}-${pad(index % 12 + 1)}`;
  }
  const d = new Date(`${value}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + step);
  return d.toISOString().slice(0, 10);
}

/** The month a twelve-month trend ends at: the period's last month, or this month while the period runs. */
export function trendEnd(kind, value, now = new Date()) {
  const thisMonth = currentPeriod('month', now);
  if (kind === 'year') {
    return value === String(today(now).y) ? thisMonth : `${value}-12`;
  }
  if (kind === 'quarter') {
    const [y, q] = value.split('-Q').map(Number);
    const last = `${y}-${pad(q * 3)}`;
    return last > thisMonth ? thisMonth : last;
  }
  return value.slice(0, 7);
}

/** A rate as the boards print it: 87.5%; — where there is nothing to divide. */
export function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** How long a case has been overdue, from hours: 2天3小时. */
export function overdueFor(hours) {
  if (hours < 1) {
    return '不足1小时';
  }
  return hours >= 24 ? `${Math.floor(hours / 24)}天${hours % 24}小时` : `${hours}小时`;
}
