// Throughput of import reading (parse + validate + references) on a year of a large district:
// ~2 M attendance rows. Run: npx tsx tests/bench/import-read.ts [attendanceRows]
// Target (task brief): ≥ 150,000 rows/s on one core.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset, MemberRow } from '../../shared/domain.ts';
import { formatInstant } from '../../shared/periods.ts';
import { writeCsvFolder } from '../../server/sources/export/index.ts';
import { readSource } from '../../server/sources/import/index.ts';

const ATTENDANCE = Number(process.argv[2] ?? 2_000_000);
const MEMBERS = 47_000;
const BRANCHES = 2_000;
const PER_MEETING = 40;

function dataset(): Dataset {
  const d: Dataset = { orgs: [], groups: [], members: [], meetings: [], attendance: [], dues: [], activities: [], tasks: [], applicants: [] };
  const org = (code: string, type: 'district' | 'branch', parent: string | null) => d.orgs.push({
    code, name: `组织${code}`, type, parent_code: parent, category: 'community', established_on: '2000-01-01', term_started_on: '2024-01-01',
    term_years: 3, has_committee: true, region: '锋领区', lng: 116.4, lat: 39.9,
  });
  org('D', 'district', null);
  for (let b = 0; b < BRANCHES; b++) org(`B${b}`, 'branch', 'D');
  for (let i = 0; i < MEMBERS; i++) {
    const m: MemberRow = {
      id: `M${i}`, name: `党员${i}`, org_code: `B${i % BRANCHES}`, status: 'full', gender: i % 2 ? 'M' : 'F', birth_date: '1980-01-01',
      joined_on: '2005-07-01', org_since: '2010-01-01', group_code: null, probation_started_on: null, dues_monthly: 10, monthly_income: 4000,
      income_kind: 'salary', on_committee: false, education: '本科', is_mobile: false, phone: null,
    };
    d.members.push(m);
  }
  const start = Date.UTC(2025, 0, 1);
  for (let k = 0; k * PER_MEETING < ATTENDANCE; k++) {
    const held = start + (k % 365) * 86400_000 + 3600_000;
    d.meetings.push({ id: `MT${k}`, org_code: `B${k % BRANCHES}`, kind: 'party_lesson', held_at: formatInstant(held), group_code: null, topic: '学习' });
    for (let j = 0; j < PER_MEETING && d.attendance.length < ATTENDANCE; j++) {
      d.attendance.push({
        meeting_id: `MT${k}`, member_id: `M${(k * 7 + j) % MEMBERS}`, status: j % 10 ? 'present' : 'leave',
        checked_in_at: j % 3 ? formatInstant(held - 60_000 * j) : null,
      });
    }
  }
  return d;
}

// The folder is generated once per size and kept in the temp dir, so repeated runs time reading only.
const dir = join(tmpdir(), `vanguard-bench-import-${ATTENDANCE}`);
if (!existsSync(join(dir, 'applicants.csv'))) await writeCsvFolder(dataset(), dir);
// CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const r = await readSource(dir);
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
const rate = (sec: number) => Math.round(r.rows / sec).toLocaleString('en');
console.log(`${r.rows} rows: wall ${wall.toFixed(2)} s = ${rate(wall)} rows/s; cpu ${(cpu.user / 1e6).toFixed(2)} s user = ${rate(cpu.user / 1e6)} rows/s`);

// Baseline: csv-parse alone on the biggest file, with the same options, doing nothing per record.
const text = readFileSync(join(dir, 'attendance.csv'), 'utf8');
const b0 = process.cpuUsage();
let n = 0;
parse(text, { bom: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n'], on_record: () => void n++ });
const b = process.cpuUsage(b0).user / 1e6;
console.log(`csv-parse alone on attendance.csv: ${n} records, cpu ${b.toFixed(2)} s = ${Math.round(n / b).toLocaleString('en')} rows/s`);
