import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../shared/rules/config.ts';
import { taskStatus } from '../../../shared/rules/tasks.ts';
import { pipelineCounts } from '../../../shared/rules/pipeline.ts';
import { at, member, task } from './builders.ts';

describe('task plan status (due 2026-05-31)', () => {
  it.each([
    ['2026-05-20T09:00', {}, 'open'],
    ['2026-05-31T23:59:59', {}, 'open'],
    ['2026-06-01T00:00', {}, 'overdue'],
    ['2026-06-01T00:00', {}, 'overdue'], // 逾期1天
    ['2026-06-30T23:59:59', {}, 'overdue'], // 逾期30天: not yet "more than 30"
    ['2026-07-01T00:00', {}, 'overdueLong'], // 逾期31天
    ['2026-07-02T00:00', { completedOn: '2026-06-02' }, 'done'],
    ['2026-05-20T09:00', { completedOn: '2026-05-10' }, 'done'],
    ['2026-06-05T09:00', { completedOn: '2026-06-06' }, 'overdue'], // completion after asOf does not exist yet
  ])('at %s %j → %s', (when, over, status) => {
    expect(taskStatus(task(over), at(when), DEFAULT_RULES)).toBe(status);
  });
});

describe('development pipeline', () => {
  it('counts stages and conversions due (within 30 days) and overdue', () => {
    const asOf = at('2026-05-20T00:00');
    const applicants = [
      { id: 'a', orgCode: 'B1', stage: 'applicant' as const, stageSince: null },
      { id: 'b', orgCode: 'B1', stage: 'activist' as const, stageSince: null },
      { id: 'c', orgCode: 'B2', stage: 'activist' as const, stageSince: null },
    ];
    const members = [
      member({ id: 'past', status: 'probationary', probationStartedOn: '2025-05-20' }),
      member({ id: 'soon', status: 'probationary', probationStartedOn: '2025-06-19' }),
      member({ id: 'later', status: 'probationary', probationStartedOn: '2025-06-20' }),
      member({ id: 'unknown', status: 'probationary', probationStartedOn: null }),
      member({ id: 'left', status: 'probationary', probationStartedOn: '2025-01-01', current: false }),
      member({ id: 'full' }),
    ];
    expect(pipelineCounts(applicants, members, asOf, DEFAULT_RULES)).toEqual({
      stages: { applicant: 1, activist: 2, candidate: 0 },
      probationary: 4,
      conversionsDue: 1,
      conversionsOverdue: 1,
    });
  });
});
