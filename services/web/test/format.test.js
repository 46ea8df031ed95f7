import {describe, expect, it} from 'vitest';
import {beijingMonth, beijingTime, dayOf, deadlineOf, workingDaysText} from '../src/format.js';

describe('beijingTime', () => {
  it('shows an instant in Beijing time whatever the zone of the browser', () => {
    expect(beijingTime('2026-12-06T16:30:00Z')).toBe('2026-12-07 00:30');
    expect(beijingTime('2026-01-01T03:05:00Z')).toBe('2026-01-01 11:05');
    expect(beijingTime(null)).toBe('');
  });
});

describe('deadlineOf', () => {
  const now = Date.parse('2026-12-06T08:00:00Z');

  it('counts down in hours and days while in time, orange once warned', () => {
    expect(deadlineOf({dueAt: '2026-12-06T11:00:00Z'}, now)).toEqual({tone: 'success', text: '剩余3小时'});
    expect(deadlineOf({dueAt: '2026-12-09T10:00:00Z', warned: true}, now))
      .toEqual({tone: 'warning', text: '剩余3天2小时'});
  });

  it('is red once the deadline passed, even before the watch marked it', () => {
    expect(deadlineOf({dueAt: '2026-12-06T07:30:00Z'}, now)).toEqual({tone: 'danger', text: '已超期30分钟'});
    expect(deadlineOf({dueAt: '2026-12-06T09:00:00Z', overdue: true}, now).tone).toBe('danger');
  });

  it('judges a closed case by when it was closed, and a suspended one stops the clock', () => {
    expect(deadlineOf({dueAt: '2026-12-06T09:00:00Z', closedAt: '2026-12-06T08:59:00Z'}, now))
      .toEqual({tone: 'success', text: '按期办结'});
    expect(deadlineOf({dueAt: '2026-12-06T09:00:00Z', closedAt: '2026-12-06T12:00:00Z'}, now).text)
      .toBe('超期3小时办结');
    expect(deadlineOf({dueAt: '2026-12-06T07:00:00Z', state: 'SUSPENDED'}, now).tone).toBe('info');
  });
});

describe('workingDaysText', () => {
  it('says the working days left, due today, or overdue by', () => {
    expect(workingDaysText(3)).toBe('剩余3个工作日');
    expect(workingDaysText(0)).toBe('今日到期');
    expect(workingDaysText(-2)).toBe('已超期2个工作日');
  });
});

describe('dayOf', () => {
  it('writes the chosen calendar day as the APIs take it', () => {
    expect(dayOf(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('beijingMonth', () => {
  it('is already next month in Beijing on the last evening of a month in UTC', () => {
    expect(beijingMonth(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(beijingMonth(new Date('2026-11-30T15:30:00Z'))).toBe('2026-11');
  });
});
