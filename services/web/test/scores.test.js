import {describe, expect, it} from 'vitest';
import {gradeOf, measureRows, monthLabel, quarterOf, rulesLabel, scoreText, statsAreaOf} from '../src/assessment/scores.js';

describe('assessment scores', () => {
  it('names grades as supervisors do and says when no rules applied', () => {
    expect(gradeOf({grade: 'UNQUALIFIED'})).toEqual({label: '不合格', tone: 'danger'});
    expect(gradeOf(null)).toEqual({label: '无适用规则', tone: 'info'});
  });

  it('lists every measure with its count, and points only where the rules score it', () => {
    const measures = [{code: 'VALID_REPORTS', label: '有效上报', penalty: false},
      {code: 'FOUND_FIRST_BY_CITIZENS', label: '问题被群众先发现', penalty: true},
      {code: 'HAZARD_PATROLS', label: '安全隐患巡查', penalty: false}];
    const worker = {measures: {VALID_REPORTS: 3, FOUND_FIRST_BY_CITIZENS: 1},
      score: {total: 63.5, grade: 'UNQUALIFIED', points: {VALID_REPORTS: 1.5, FOUND_FIRST_BY_CITIZENS: -2}}};
    expect(measureRows(worker, measures)).toEqual([
      {code: 'VALID_REPORTS', label: '有效上报', penalty: false, count: 3, points: 1.5},
      {code: 'FOUND_FIRST_BY_CITIZENS', label: '问题被群众先发现', penalty: true, count: 1, points: -2},
      {code: 'HAZARD_PATROLS', label: '安全隐患巡查', penalty: false, count: 0, points: null}]);
  });

  it('takes a city by its six-digit code and writes months in Chinese', () => {
    expect(statsAreaOf('1501')).toBe('150100');
    expect(statsAreaOf('150105001')).toBe('150105001');
    expect(monthLabel('2026-03')).toBe('2026年3月');
    expect(rulesLabel('150105@v3')).toBe('规则 150105 第3版');
    expect(rulesLabel(null)).toBe('');
    expect(scoreText(63)).toBe('63.0');
    expect(scoreText(null)).toBe('—');
    expect(quarterOf('2026-05')).toBe('2026-Q2');
    expect(quarterOf('2026-12')).toBe('2026-Q4');
  });
});
