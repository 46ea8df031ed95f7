import {describe, expect, it} from 'vitest';
import {editable, scoringPlaceOf} from '../src/admin/scoring.js';
import {programmesOf} from '../src/auth/person.js';

describe('the scoring rules page', () => {
  it('says where a refused field is in words', () => {
    expect(scoringPlaceOf('rules[2].cap')).toBe('第3项 · 封顶分');
    expect(scoringPlaceOf('excellentAt')).toBe('优秀分数线');
  });

  it('offers an administrator the programmes of their areas: city, district or street, not a grid', () => {
    expect(programmesOf({areas: ['1501', '150105', '150105001001003', 'CN']})).toEqual(['1501', '150105']);
  });

  it('starts a programme without rules of its own from the rules shown, as a copy', () => {
    const shown = {programme: '1501', effectiveFrom: '2026-01', baseScore: 60, qualifiedAt: 70, excellentAt: 90,
      rules: [{measure: 'VALID_REPORTS', pointsPerUnit: 0.5}]};
    const copy = editable(shown, '150105');
    expect(copy.programme).toBe('150105');
    expect(copy.rules).toEqual([{measure: 'VALID_REPORTS', pointsPerUnit: 0.5, cap: null}]);
    copy.rules[0].pointsPerUnit = 1;
    expect(shown.rules[0].pointsPerUnit).toBe(0.5);
  });
});
