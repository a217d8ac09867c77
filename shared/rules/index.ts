// The rule book's public surface for the server's aggregate layer and the report generator.
// Import from here so the file layout of shared/rules can change without touching callers.

export { DEFAULT_RULES, termYearsFor, type RulesConfig } from './config.ts';
export { validateRules } from './validate-rules.ts';
export { INDICATORS, RULE_LABELS, indicatorDef, type IndicatorDef, type IndicatorLevel, type IndicatorUnit } from './indicators.ts';
export { RULE_CODES, prescriptionFor, validatePrescriptions, type PrescriptionTable } from './prescriptions.ts';
export { evaluateBranch } from './evaluate-branch.ts';
export { rerollOrg, rollupOrg, type ChildChange } from './rollup.ts';
export { rankBranches, rankOrder, round2, topByPoints, type PointsInput, type RankInput } from './rank.ts';
export { pipelineCounts } from './pipeline.ts';
export { taskStatus, taskOverdueDays, type TaskStatus } from './tasks.ts';
export { requiredSlots, compliance, complianceByMonth, type Slot } from './slots.ts';
export { meetingCounts, orgLifeGapMonths, attendanceRatio } from './meetings.ts';
export { branchDues, branchDuesMonth, unpaidStreak, isPaid, isPaidOnTime } from './dues.ts';
export { memberLight, absenceStreak } from './member-light.ts';
export { vanguardPoints } from './vanguard.ts';
export { branchLight, type BranchLightInput } from './branch-light.ts';
export { passedChecks, type LightCheck } from './light-checks.ts';
export { termEnd, termState, probationEnd, probationState, type DeadlineState } from './deadlines.ts';
export { branchScore, type ScoreComponents } from './score.ts';
export { rate, addRatio } from './ratio.ts';
export { duesStandard, FLAT_DUES, type DuesBasis } from './dues-standard.ts';
