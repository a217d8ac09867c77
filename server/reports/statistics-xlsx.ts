// The statistics workbook for a scope (CONTRACTS §3, leader): organisations, members, the
// development pipeline, 三会一课 and dues per branch, and the red/yellow list with every reason.
// Every header is Chinese and frozen; numbers stay numbers (rates with a percentage format);
// every string goes through sheetCell, which escapes a leading = + - @ against formula injection.

import type ExcelJS from 'exceljs';
import { loadExcel } from '../sources/excel.ts';
import { sheetCell } from '../sources/export/cells.ts';
import { loadApplicants, statusAt } from '../aggregate/load-facts.ts';
import { branchesOf, currentMembers, descendants, structureOf } from '../aggregate/structure.ts';
import type { Services } from '../services.ts';
import { CATEGORY_ZH, GENDER_ZH, LIGHT_ZH, STAGE_ZH, STATUS_ZH, TYPE_ZH } from '../labels-zh.ts';
import { STAGES } from '../../shared/domain.ts';
import { RULE_LABELS } from '../../shared/rules/index.ts';

interface Col {
  header: string;
  width: number;
  percent?: boolean;
}

function addSheet(wb: ExcelJS.Workbook, name: string, cols: Col[], rows: unknown[][]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ header: c.header, width: c.width, style: c.percent ? { numFmt: '0.0%' } : {} }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map(sheetCell));
}

const COUNT_COLS: Col[] = [
  { header: '分类', width: 14 },
  { header: '项目', width: 20 },
  { header: '数量', width: 10 },
];

export async function statisticsWorkbook(s: Services, scope: string, asOf: number): Promise<Buffer> {
  const dir = s.store.dir;
  const ev = s.live.at(asOf);
  const st = structureOf(dir, scope, asOf);
  const codes = descendants(dir, scope);
  const branches = branchesOf(dir, scope);
  const members = currentMembers(dir, branches, asOf);
  const wb = new (await loadExcel()).Workbook();
  wb.created = new Date(asOf);

  addSheet(wb, '组织统计', COUNT_COLS, [
    ...st.orgsByType.map((i) => ['按类型', TYPE_ZH[i.key] ?? i.key, i.count]),
    ...st.branchesByCategory.map((i) => ['支部按领域', CATEGORY_ZH[i.key] ?? i.key, i.count]),
    ['支部委员会', '设立支委会', st.branchesWithCommittee],
    ['支部委员会', '未设支委会', st.branchesWithoutCommittee],
  ]);

  const joinYears = new Map<string, number>();
  for (const m of members) {
    const y = m.joinedOn ? m.joinedOn.slice(0, 4) : '未填写';
    joinYears.set(y, (joinYears.get(y) ?? 0) + 1);
  }
  addSheet(wb, '党员统计', COUNT_COLS, [
    ['合计', '党员总数', members.length],
    ...st.membersByStatus.map((i) => ['按状态', STATUS_ZH[i.key] ?? i.key, i.count]),
    ...st.membersByGender.map((i) => ['按性别', GENDER_ZH[i.key] ?? i.key, i.count]),
    ...st.membersByAge.map((i) => ['按年龄', i.key === 'unknown' ? '未填写' : `${i.key}岁`, i.count]),
    ...st.membersByEducation.map((i) => ['按学历', i.key, i.count]),
    ...[...joinYears].sort(([a], [b]) => a.localeCompare(b)).map(([y, n]) => ['按入党年份', y, n]),
  ]);

  const inScope = new Set(codes);
  const applicants = loadApplicants(s.store.reader).filter((a) => inScope.has(a.orgCode));
  addSheet(wb, '发展党员', [{ header: '阶段', width: 18 }, { header: '人数', width: 10 }], [
    ...STAGES.map((stage) => [STAGE_ZH[stage] ?? stage, applicants.filter((a) => a.stage === stage).length]),
    ['预备党员', members.filter((m) => statusAt(m, asOf) === 'probationary').length],
  ]);

  const name = (c: string) => dir.orgs.get(c)?.name ?? c;
  const parentName = (c: string) => {
    const p = dir.orgs.get(c)?.parentCode;
    return p ? name(p) : null;
  };
  addSheet(
    wb,
    '三会一课及党费',
    [
      { header: '组织代码', width: 14 },
      { header: '支部名称', width: 28 },
      { header: '上级组织', width: 24 },
      { header: '三会一课完成率', width: 14, percent: true },
      { header: '主题党日完成率', width: 14, percent: true },
      { header: '党费收缴率（年度）', width: 16, percent: true },
      { header: '党费按时缴纳率（年度）', width: 18, percent: true },
      { header: '综合得分', width: 10 },
      { header: '灯色', width: 8 },
    ],
    branches.map((b) => {
      const e = ev.orgs.get(b);
      const v = (id: string) => e?.indicators[id] ?? null;
      const score = e?.score ?? null;
      return [b, name(b), parentName(b), v('compliance.3m1l'), v('compliance.theme_day'), v('dues.rate.ytd'), v('dues.onTime.ytd'),
        score === null ? null : Math.round(score * 100) / 100, LIGHT_ZH[e?.light.level ?? 'grey']];
    }),
  );

  const flagged = codes.flatMap((c) => {
    const e = ev.orgs.get(c);
    if (!e || (e.light.level !== 'red' && e.light.level !== 'yellow')) return [];
    return e.light.reasons.map((r) => [c, name(c), TYPE_ZH[e.type] ?? e.type, LIGHT_ZH[e.light.level], LIGHT_ZH[r.level], RULE_LABELS[r.rule].zh, r.message]);
  });
  addSheet(
    wb,
    '红黄灯名单',
    [
      { header: '组织代码', width: 14 },
      { header: '组织名称', width: 28 },
      { header: '类型', width: 12 },
      { header: '灯色', width: 8 },
      { header: '原因灯色', width: 10 },
      { header: '事项', width: 14 },
      { header: '原因', width: 48 },
    ],
    flagged,
  );

  return Buffer.from(await wb.xlsx.writeBuffer());
}
