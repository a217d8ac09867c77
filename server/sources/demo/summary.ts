// Counts of a dataset for tests, logs and the demo command's report.

import type { Dataset } from '../../../shared/domain.ts';
import { DATASET_FILES } from '../../../shared/domain.ts';

export interface DatasetSummary {
  orgsByType: Record<string, number>;
  /** Organisations by category and type, e.g. village → { branch: 120, general_branch: 47 }. */
  orgsByCategory: Record<string, Record<string, number>>;
  /** Villages and communities as units: the topmost organisation of each (a general branch or a branch directly under a committee). */
  units: { village: number; community: number };
  members: { total: number; full: number; probationary: number };
  rows: Record<string, number>;
  totalRows: number;
}

export function summariseDataset(d: Dataset): DatasetSummary {
  const orgsByType: Record<string, number> = {};
  const orgsByCategory: Record<string, Record<string, number>> = {};
  const byCode = new Map(d.orgs.map((o) => [o.code, o]));
  const units = { village: 0, community: 0 };
  for (const o of d.orgs) {
    orgsByType[o.type] = (orgsByType[o.type] ?? 0) + 1;
    const cat = o.category ?? 'none';
    const row = (orgsByCategory[cat] ??= {});
    row[o.type] = (row[o.type] ?? 0) + 1;
    if (o.category === 'village' || o.category === 'community') {
      const parent = o.parent_code ? byCode.get(o.parent_code) : undefined;
      if (parent?.category !== o.category) units[o.category]++;
    }
  }
  let full = 0;
  for (const m of d.members) if (m.status === 'full') full++;
  const rows: Record<string, number> = {};
  let totalRows = 0;
  for (const f of DATASET_FILES) {
    rows[f] = d[f].length;
    totalRows += d[f].length;
  }
  return {
    orgsByType,
    orgsByCategory,
    units,
    members: { total: d.members.length, full, probationary: d.members.length - full },
    rows,
    totalRows,
  };
}
