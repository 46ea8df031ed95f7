// Grid workers' monthly assessment as the pages show it: grades in the words and colours supervisors read, a
// worker's month measure by measure, and the area codes statistics take.

const GRADES = {
  EXCELLENT: {label: '优秀', tone: 'success'},
  QUALIFIED: {label: '合格', tone: 'primary'},
  UNQUALIFIED: {label: '不合格', tone: 'danger'},
};

/** A month's grade as a tag: `{label, tone}`; a month without rules in force has none. */
export function gradeOf(score) {
  return score ? GRADES[score.grade] : {label: '无适用规则', tone: 'info'};
}

/** The code statistics take for a person's area: a city's four digits as its six-digit code (1501 → 150100). */
export function statsAreaOf(code) {
  return /^\d{4}$/.test(code) ? `${code}00` : code;
}

/**
 * A worker's month measure by measure, in the order of `measures` (GET /api/v1/assessment/measures): the count,
 * and the points it earned (absent for a measure the rules do not score).
 */
export function measureRows(worker, measures) {
  const points = (worker.score && worker.score.points) || {};
  return measures.map(m => ({code: m.code, label: m.label, penalty: m.penalty,
    count: worker.measures[m.code] || 0, points: m.code in points ? points[m.code] : null}));
}

/** The rules a month was scored by (`1501@v3`) as people read it: 规则 1501 第3版. */
export function rulesLabel(rules) {
  const [programme, version] = (rules || '').split('@v');
  return version ? `规则 ${programme} 第${version}版` : '';
}

/** A score as the forms print it, to one decimal (63 → 63.0); a dash for none. */
export function scoreText(score) {
  return score === null || score === undefined ? '—' : Number(score).toFixed(1);
}

/** The quarter a month lies in, as statistics name quarters: 2026-05 → 2026-Q2. */
export function quarterOf(month) {
  const [y, m] = month.split('-');
  return `${y}-Q${Math.ceil(+m / 3)}`;
}

/** `2026-03` as people write it: 2026年3月. */
export function monthLabel(month) {
  const [y, m] = month.split('-');
  return `${y}年${+m}月`;
}
