import {describe, expect, it} from 'vitest';
import {claimsOf, homeOf, pagesFor, personOf} from '../src/auth/person.js';

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
    expect(pagesFor(operator).map(p => p.title)).toEqual(['指挥中心工作台', '办结率看板']);
    expect(homeOf(operator)).toBe('/work');

    const both = personOf({preferred_username: 'x', realm_access: {roles: ['HANDLER', 'OPERATOR']},
      area: ['150105'], unit: '150105-WATER'});
    expect(pagesFor(both).map(p => p.path).filter(Boolean)).toEqual(['/work', '/unit']);
  });

  it('offers a handler without a unit no queue, and a supervisor only the dashboard', () => {
    expect(pagesFor(personOf({realm_access: {roles: ['HANDLER']}}))).toEqual([]);
    const supervisor = personOf({realm_access: {roles: ['SUPERVISOR']}});
    expect(pagesFor(supervisor).map(p => p.href)).toEqual(['/']);
    expect(homeOf(supervisor)).toBe('/none');
  });
});
