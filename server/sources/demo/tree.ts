// The organisation tree: a builder that hands out stable codes (D01, D01.C03, D01.C03.G002,
// D01.C03.G002.B001) and places each organisation inside its region, plus the small scale's
// one-factory tree. The district scale's layout lives in district.ts.

import type { Category, OrgRow, OrgType } from '../../../shared/domain.ts';
import { addMonths } from '../../../shared/periods.ts';
import { pointInRegion, type DistrictGeometry } from './map.ts';
import type { Rng } from './prng.ts';
import type { HistoryWindow } from './window.ts';

/** Who the members of a branch are: drives ages, incomes, meeting hours. */
export type Profile = 'village' | 'community' | 'retiree' | 'enterprise' | 'government' | 'school' | 'health' | 'institution';

export interface BranchSpec {
  org: OrgRow;
  profile: Profile;
  /** Target number of members. */
  size: number;
  /** Deliberately over 50 members (the structure rule). */
  big: boolean;
}

export interface Tree {
  orgs: OrgRow[];
  branches: BranchSpec[];
}

const LETTER: Record<OrgType, string> = { district: 'D', committee: 'C', general_branch: 'G', branch: 'B' };

export class TreeBuilder {
  readonly orgs: OrgRow[] = [];
  readonly branches: BranchSpec[] = [];
  private readonly counters = new Map<string, number>();

  constructor(
    private readonly rng: Rng,
    private readonly geo: DistrictGeometry,
    readonly regionNames: string[],
    private readonly win: HistoryWindow,
  ) {}

  private nextCode(parent: OrgRow | null, type: OrgType): string {
    const key = `${parent?.code ?? ''}/${type}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    const digits = type === 'branch' || type === 'general_branch' ? 3 : 2;
    const own = LETTER[type] + String(n).padStart(digits, '0');
    return parent ? `${parent.code}.${own}` : own;
  }

  /** A term start that ends well clear of the clock (more than 6 months ahead). */
  healthyTermStart(years: number): string {
    const back = this.rng.int(2, years * 12 - 8);
    return `${addMonths(this.win.current, -back)}-${String(this.rng.int(1, 28)).padStart(2, '0')}`;
  }

  add(parent: OrgRow | null, type: OrgType, name: string, category: Category | null, region: number | null): OrgRow {
    const villageLike = category === 'village' || category === 'community';
    const years = type === 'committee' || villageLike ? 5 : 3;
    const founded = this.rng.int(villageLike ? 1952 : 1985, this.win.year - 7);
    const point = region == null ? null : pointInRegion(this.rng, this.geo, region);
    const org: OrgRow = {
      code: this.nextCode(parent, type),
      name,
      type,
      parent_code: parent?.code ?? null,
      category,
      established_on: `${founded}-${String(this.rng.int(1, 12)).padStart(2, '0')}-${String(this.rng.int(1, 28)).padStart(2, '0')}`,
      term_started_on: type === 'district' ? null : this.healthyTermStart(years),
      term_years: type === 'district' ? null : years,
      has_committee: type !== 'branch',
      region: region == null ? null : this.regionNames[region],
      lng: point?.[0] ?? null,
      lat: point?.[1] ?? null,
    };
    this.orgs.push(org);
    return org;
  }

  branch(parent: OrgRow, name: string, category: Category, region: number, profile: Profile, size: number, big = false): BranchSpec {
    const spec: BranchSpec = { org: this.add(parent, 'branch', name, category, region), profile, size, big };
    this.branches.push(spec);
    return spec;
  }

  /** Orgs and branches sorted by code, so a parent always precedes its children. */
  finish(): Tree {
    const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
    return {
      orgs: [...this.orgs].sort(byCode),
      branches: [...this.branches].sort((a, b) => byCode(a.org, b.org)),
    };
  }
}

/** One machine-tool plant: a committee, eight branches, about 325 members. */
export function buildSmallTree(b: TreeBuilder, districtName: string, region: number, factory: string): Tree {
  const root = b.add(null, 'district', `${districtName}委`, null, null);
  const committee = b.add(root, 'committee', `${factory}党委`, 'enterprise', region);
  const plan: [string, number, Profile, boolean][] = [
    ['机关第一党支部', 38, 'enterprise', false],
    ['数控车床事业部党支部', 45, 'enterprise', false],
    ['加工中心事业部党支部', 42, 'enterprise', false],
    ['装配车间党支部', 48, 'enterprise', false],
    ['技术研发中心党支部', 40, 'enterprise', false],
    ['营销服务党支部', 30, 'enterprise', false],
    ['质量管理党支部', 26, 'enterprise', false],
    ['离退休党支部', 56, 'retiree', true],
  ];
  for (const [name, size, profile, big] of plan) {
    b.branch(committee, factory + name, 'enterprise', region, profile, size, big);
  }
  return b.finish();
}
