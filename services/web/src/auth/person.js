// Who is signed in, read from the access token's claims (Keycloak's names: realm_access.roles, area, unit), and
// which pages that person works in. The services decide what each caller may do; the pages only follow the
// roles the token carries — a person with several roles sees the pages of each and picks nothing.

const ROLE_LABELS = {
  GRID_WORKER: '网格员',
  HANDLER: '处置单位',
  OPERATOR: '指挥中心',
  SUPERVISOR: '督查考核',
  ADMIN: '系统管理员',
};

/** The claims of a JWT (its middle part, base64url-encoded UTF-8 JSON). */
export function claimsOf(token) {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(part.padEnd(part.length + (4 - part.length % 4) % 4, '=')), c => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

export function personOf(claims) {
  const roles = (claims.realm_access && claims.realm_access.roles || []).filter(r => ROLE_LABELS[r]);
  const areas = Array.isArray(claims.area) ? claims.area : claims.area ? [claims.area] : [];
  return {
    username: claims.preferred_username,
    name: claims.name || claims.preferred_username,
    roles,
    roleLabels: roles.map(r => ROLE_LABELS[r]),
    areas,
    unit: claims.unit || null,
  };
}

/** The grids among a person's areas (15-digit codes): a grid worker's own grids. */
export function gridsOf(person) {
  return person.areas.filter(a => /^\d{15}$/.test(a));
}

/**
 * Whether a person's areas include a whole city or more (a city 4 digits, a province 2, the country CN): an
 * installation serves at least a city, so only such a person can act for all of it (a statistics rebuild).
 */
export function cityWide(person) {
  return person.areas.some(a => a === 'CN' || /^(\d{2}|\d{4})$/.test(a));
}

export function has(person, ...roles) {
  return roles.some(r => person.roles.includes(r));
}

/** The pages of the workbench this person works in, in menu order. */
export function pagesFor(person) {
  const pages = [];
  if (has(person, 'OPERATOR')) {
    pages.push({path: '/work', title: '指挥中心工作台', icon: 'Monitor'});
  }
  if (has(person, 'SUPERVISOR')) {
    // Supervisors read figures first; the dispatch centre works its lists first and reads figures after.
    pages.push({path: '/dashboard', title: '办结率看板', icon: 'DataLine'});
    pages.push({path: '/assessment', title: '网格员考核', icon: 'Trophy'});
  }
  if (has(person, 'OPERATOR', 'SUPERVISOR')) {
    pages.push({path: '/supervision', title: '督办', icon: 'Bell'});
    pages.push({path: '/search', title: '案件搜索', icon: 'Search'});
  }
  if (has(person, 'HANDLER') && person.unit) {
    pages.push({path: '/unit', title: '本单位待办', icon: 'Tickets'});
  }
  if (has(person, 'GRID_WORKER')) {
    pages.push({path: '/report', title: '上报', icon: 'CameraFilled'});
    pages.push({path: '/mine', title: '我的上报', icon: 'List'});
    if (gridsOf(person).length) {
      pages.push({path: '/grid-tasks', title: '网格任务', icon: 'Tickets'});
      pages.push({path: '/patrol', title: '巡查走访', icon: 'Guide'});
      pages.push({path: '/my-assessment', title: '我的考核', icon: 'Trophy'});
    }
  }
  if (has(person, 'ADMIN', 'OPERATOR')) {
    pages.push({path: '/admin/units', title: '处置单位名录', icon: 'OfficeBuilding'});
  }
  if (has(person, 'OPERATOR') && !has(person, 'SUPERVISOR')) {
    pages.push({path: '/dashboard', title: '办结率看板', icon: 'DataLine'});
    pages.push({path: '/assessment', title: '网格员考核', icon: 'Trophy'});
  }
  if (has(person, 'ADMIN')) {
    pages.push({path: '/admin/grid-registry', title: '网格库导入', icon: 'Upload'});
    pages.push({path: '/admin/routing-rules', title: '分流规则', icon: 'Share'});
    pages.push({path: '/admin/calendar', title: '节假日安排', icon: 'Calendar'});
    if (programmesOf(person).length) {
      pages.push({path: '/admin/assessment-rules', title: '考核规则', icon: 'Medal'});
    }
    pages.push({path: '/admin/grid-workers', title: '网格员花名册', icon: 'User'});
    pages.push({path: '/admin/dead-letters', title: '12345死信', icon: 'WarningFilled'});
    if (cityWide(person)) {
      pages.push({path: '/admin/stats-rebuild', title: '统计重算', icon: 'RefreshRight'});
    }
  }
  return pages;
}

/** Where the workbench opens for this person: their first page of the workbench itself. */
/** The assessment programmes a person's areas are: a city (4 digits), district (6) or street (9), not a grid. */
export function programmesOf(person) {
  return (person.areas || []).filter(a => /^(\d{4}|\d{6}|\d{9})$/.test(a));
}

export function homeOf(person) {
  const pages = pagesFor(person);
  return pages.length ? pages[0].path : '/none';
}
