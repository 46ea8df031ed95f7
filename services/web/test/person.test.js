import {describe, expect, it} from 'vitest';
import {cityWide, claimsOf, homeOf, pagesFor, personOf} from '../src/auth/person.js';

function token(claims) {
  const body = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `e30.${body}.sig`;
}

describe('personOf', () => {
  it('reads Keycloak claims, Chinese names included', () => {
    const person = personOf(claimsOf(token({preferred_username: 'handler-saihan-water', name: '赛罕区水务局',
      realm_access: {roles: ['HANDLER', 'offline_access']}, area: ['150105'], unit: '150105-WATER'})));
    expect(person).toMatchObject({username: 'handler-saihan-water', name: '赛罕区水务局', roles: ['HANDLER'],
      areas: ['150105'], unit: '150105-WATER'});
  });
});

describe('pagesFor', () => {
  it('gives each role its pages and a person with two roles both, without asking', () => {
    const operator = personOf({preferred_username: 'op', realm_access: {roles: ['OPERATOR']}, area: ['150105']});
    expect(pagesFor(operator).map(p => p.title)).toEqual(['指挥中心工作台', '督办', '案件搜索', '处置单位名录', '办结率看板',
      '网格员考核']);
    expect(homeOf(operator)).toBe('/work');

    const both = personOf({preferred_username: 'x', realm_access: {roles: ['HANDLER', 'OPERATOR']},
      area: ['150105'], unit: '150105-WATER'});
    expect(pagesFor(both).map(p => p.path).filter(Boolean)).toEqual(['/work', '/supervision', '/search', '/unit',
      '/admin/units', '/dashboard', '/assessment']);
  });

  it('gives a grid worker the phone pages: report, my reports, their grids\' tasks, their patrols, their assessment', () => {
    const worker = personOf({preferred_username: 'gw', realm_access: {roles: ['GRID_WORKER']},
      area: ['150105001001001', '150105001001002']});
    expect(pagesFor(worker).map(p => p.title)).toEqual(['上报', '我的上报', '网格任务', '巡查走访', '我的考核']);
    expect(homeOf(worker)).toBe('/report');
  });

  it('gives an administrator the unit directory, the scoring rules of their programme and the 12345 dead letters', () => {
    const admin = personOf({realm_access: {roles: ['ADMIN']}, area: ['1501']});
    expect(pagesFor(admin).map(p => p.title)).toEqual(['处置单位名录', '网格库导入', '分流规则', '节假日安排', '考核规则',
      '网格员花名册', '12345死信', '统计重算']);
  });

  it('offers the statistics rebuild only to administrators of a whole city or more', () => {
    const district = personOf({realm_access: {roles: ['ADMIN']}, area: ['150105']});
    expect(pagesFor(district).map(p => p.title)).not.toContain('统计重算');
    expect(cityWide(personOf({area: ['15']}))).toBe(true);
    expect(cityWide(personOf({area: ['CN']}))).toBe(true);
    expect(cityWide(personOf({area: ['150105', '150102']}))).toBe(false);
  });

  it('offers a handler without a unit no queue, and a supervisor the 督办 list and the dashboard', () => {
    expect(pagesFor(personOf({realm_access: {roles: ['HANDLER']}}))).toEqual([]);
    const supervisor = personOf({realm_access: {roles: ['SUPERVISOR']}});
    expect(pagesFor(supervisor).map(p => p.title)).toEqual(['办结率看板', '网格员考核', '督办', '案件搜索']);
    expect(homeOf(supervisor)).toBe('/dashboard');
  });
});
