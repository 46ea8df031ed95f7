import {describe, expect, it} from 'vitest';
import {currentPeriod, overdueFor, percent, shift, trendEnd} from '../src/dashboard/periods.js';

// 2026-12-31 20:00 UTC is already 2027-01-01 04:00 in Beijing.
const newYearInBeijing = new Date('2026-12-31T20:00:00Z');

describe('periods', () => {
  it('counts the current period in Beijing time', () => {
    expect(currentPeriod('year', newYearInBeijing)).toBe('2027');
    expect(currentPeriod('quarter', newYearInBeijing)).toBe('2027-Q1');
    expect(currentPeriod('month', newYearInBeijing)).toBe('2027-01');
    expect(currentPeriod('day', newYearInBeijing)).toBe('2027-01-01');
  });

  it('steps across year ends', () => {
    expect(shift('quarter', '2026-Q4', 1)).toBe('2027-Q1');
    expect(shift('month', '2026-01', -1)).toBe('2025-12');
    expect(shift('day', '2026-03-01', -1)).toBe('2026-02-28');
    expect(shift('year', '2026', -1)).toBe('2025');
  });

  it('ends a trend at the period\'s last month, or this month while it runs', () => {
    const midDecember = new Date('2026-12-06T04:00:00Z');
    expect(trendEnd('year', '2026', midDecember)).toBe('2026-12');
    expect(trendEnd('year', '2025', midDecember)).toBe('2025-12');
    expect(trendEnd('quarter', '2026-Q4', new Date('2026-10-06T04:00:00Z'))).toBe('2026-10');
    expect(trendEnd('day', '2026-11-03', midDecember)).toBe('2026-11');
  });

  it('prints rates and overdue spans as the boards do', () => {
    expect(percent(0.875)).toBe('87.5%');
    expect(percent(null)).toBe('—');
    expect(overdueFor(50)).toBe('2天2小时');
    expect(overdueFor(0)).toBe('不足1小时');
  });
});
