import {describe, expect, it} from 'vitest';
import {cleaned, placeOf, ruleIndexOf} from '../src/admin/rules.js';

describe('routing rules in the form', () => {
  const rules = [{id: 'a'}, {id: 'dept-water'}];

  it('finds the rule a problem names and says where it is in Chinese', () => {
    expect(ruleIndexOf('rules[1].target')).toBe(1);
    expect(ruleIndexOf('rules')).toBeNull();
    expect(placeOf('rules[1].target', rules)).toBe('第2条（dept-water） · 分派到');
    expect(placeOf('rules[0]', rules)).toBe('第1条（a）');
    expect(placeOf('rules', rules)).toBe('整套规则');
  });

  it('leaves out what the form left empty', () => {
    expect(cleaned({id: 'x', subCategory: null, areaPrefix: '', note: '', target: {kind: 'CENTRE', level: null}}))
      .toEqual({id: 'x', target: {kind: 'CENTRE'}});
  });
});
