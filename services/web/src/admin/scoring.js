// The assessment's scoring rules as the page edits them, and the service's problems as people read them.
import {ruleIndexOf} from './rules.js';

const TOP = {
  programme: '考核范围', effectiveFrom: '起用月份', baseScore: '基础分', qualifiedAt: '合格分数线',
  excellentAt: '优秀分数线', rules: '考核指标',
};
const FIELDS = {measure: '考核指标', pointsPerUnit: '每项分值', cap: '封顶分'};

/** Where a problem is, in words: `rules[2].cap` → 第3项 · 封顶分; `excellentAt` → 优秀分数线. */
export function scoringPlaceOf(field) {
  const index = ruleIndexOf(field);
  if (index === null) {
    return TOP[field] || field;
  }
  const part = /^rules\[\d+\]\.(\w+)/.exec(field);
  return `第${index + 1}项${part ? ` · ${FIELDS[part[1]] || part[1]}` : ''}`;
}

/** A new programme's starting point: the rules shown, or none, as an editable copy. */
export function editable(rules, programme) {
  const copy = rules ? JSON.parse(JSON.stringify(rules)) : {effectiveFrom: '', baseScore: 60, qualifiedAt: 70,
    excellentAt: 90, rules: []};
  return {...copy, programme, rules: copy.rules.map(r => ({...r, cap: r.cap ?? null}))};
}
