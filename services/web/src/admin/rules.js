// The routing rules as the pages edit them, and the service's problems as people read them.

const FIELDS = {
  id: '编号', subCategory: '事项小类', category: '大类', level: '办理层级', areaPrefix: '区域编码前缀',
  target: '分派到', note: '说明',
};

/** The rule a problem's field names (`rules[3].target` → 3), or null for the rule set as a whole. */
export function ruleIndexOf(field) {
  const found = /^rules\[(\d+)\]/.exec(field || '');
  return found ? Number(found[1]) : null;
}

/** Where a problem is, in words: `rules[3].target` → 第4条（dept-water）· 分派到. */
export function placeOf(field, rules) {
  const index = ruleIndexOf(field);
  if (index === null) {
    return '整套规则';
  }
  const rule = rules[index];
  const name = `第${index + 1}条${rule && rule.id ? `（${rule.id}）` : ''}`;
  const part = /^rules\[\d+\]\.(\w+)/.exec(field);
  return part ? `${name} · ${FIELDS[part[1]] || part[1]}` : name;
}

/** A rule as the service takes it: what the form left empty is absent, not an empty text. */
export function cleaned(rule) {
  const out = {};
  for (const [key, value] of Object.entries(rule)) {
    if (value !== '' && value !== null && value !== undefined) {
      out[key] = key === 'target' && value && typeof value === 'object' ? cleaned(value) : value;
    }
  }
  return out;
}
