// 案件搜索: a district's cases by number or words (dispatch's /api/v1/search). The service stops at the page asked
// for and says only whether another follows, so the pages count as far as that.
import {call} from './http.js';

/** A page of cases of `area` (a district or inside one) matching `q`: {items, total, hasMore}. */
export async function searchCases(area, q, {page = 0, size = 20, from, to} = {}) {
  const found = await call('dispatch', '/api/v1/search', {query: {area, q, page, size, from, to}});
  // As many as are known to exist: those before this page, this page, one more if another page follows.
  return {...found, total: page * size + found.items.length + (found.hasMore ? 1 : 0)};
}

/** How a found case reads in a one-line choice: its number and what it is about. */
export function oneLine(hit) {
  const about = hit.subCategoryName || hit.categoryLabel || '';
  const text = hit.description ? hit.description.slice(0, 30) : '';
  return `${hit.caseNumber || hit.id.slice(0, 8)} · ${about} · ${text}`;
}
