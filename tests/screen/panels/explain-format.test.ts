// A passed rule's line of the health check, as the light panel shows it (both languages).
import { describe, expect, it } from 'vitest';
import type { LightCheck } from '../../../shared/rules/light-checks.ts';
import { checkText } from '../../../screen/panels/explain-format.ts';

const cases: [LightCheck, string, string][] = [
  [{ rule: 'orgLife', value: 0, threshold: 1 }, '无空白月', 'no month missed'],
  [{ rule: 'redMembers', value: 0.05, threshold: 0.1 }, '5% ≤ 10%', '5% ≤ 10%'],
  [{ rule: 'redMembers', value: null, threshold: 0.1 }, '—', '—'],
  [{ rule: 'term', value: null, threshold: '2027-03-01' }, '2027-03-01届满', 'term ends 2027-03-01'],
  [{ rule: 'probation', value: 0, threshold: 30 }, '无预备党员', 'none on probation'],
  [{ rule: 'probation', value: 2, threshold: 30 }, '2名，无到期', '2, none due'],
  [{ rule: '3m1l', value: 0.925, threshold: 0.9 }, '92.5% ≥ 90%', '92.5% ≥ 90%'],
  [{ rule: '3m1l', value: null, threshold: 0.9 }, '暂无应完成', 'nothing due yet'],
  [{ rule: 'dues', value: 1, threshold: 0.95 }, '100% ≥ 95%', '100% ≥ 95%'],
  [{ rule: 'tasks', value: 0, threshold: null }, '无逾期', 'none overdue'],
  [{ rule: 'structure', value: 34, threshold: 50 }, '34名 ≤ 50名', '34 ≤ 50 members'],
  [{ rule: 'redBranches', value: 0, threshold: 0.2 }, '无红灯支部', 'no red branches'],
];

describe('checkText', () => {
  it.each(cases)('%j reads "%s" / "%s"', (check, zh, en) => {
    expect(checkText(check, 'zh-CN')).toBe(zh);
    expect(checkText(check, 'en')).toBe(en);
  });
});
