// The inbox's visibility query: built only from ids in their formats, so nothing typed into a filter changes its
// shape; the colour each status gets; the memo's names; and how long things have waited.
import { AssignmentStatus } from '../../model/status';
import { statusFilter, statusNow } from '../../client/http/clock';
import { inboxQuery, urgencyOf } from '../../client/http/inbox';
import { describeAssignment } from '../../client/http/memo';
import { waitedWords } from '../../client/http/pages/waited';
import { closeRequestedAt, reviewsQuery } from '../../client/http/waiting';
import type { PlanView } from '../../workflows/state';

const NOW = new Date('2027-03-10T03:00:00Z'); // 10:00 on 10/3/2027 in Vietnam

describe('inboxQuery', () => {
  it('asks for the running assignments of the agencies, with the filters', () => {
    expect(inboxQuery({ agencies: ['xa-an-son', 'xa-dai-an'], plan: 'plan/292-KH-UBND/2019', status: 'overdue' }, NOW)).toBe(
      "WorkflowType = 'assignment' AND ExecutionStatus = 'Running' AND PlanflowAssignee IN ('xa-an-son', 'xa-dai-an') AND PlanflowPlan = 'plan/292-KH-UBND/2019' AND PlanflowStatus IN ('not-due', 'due-soon', 'overdue') AND PlanflowLastDay <= '2027-03-09T03:00:00.000Z'",
    );
  });

  it('drops what is not an id instead of quoting it into the query', () => {
    const query = inboxQuery({ agencies: ["x' OR 1=1 --", 'xa-an-son'], plan: "plan/x' OR PlanflowAssignee = 'y" }, NOW);
    expect(query).toBe("WorkflowType = 'assignment' AND ExecutionStatus = 'Running' AND PlanflowAssignee IN ('xa-an-son')");
    expect(inboxQuery({ agencies: ["'"] }, NOW)).toBeUndefined();
    expect(() => inboxQuery({ agencies: ['xa-an-son'], status: "overdue' OR 'a" as AssignmentStatus }, NOW)).toThrow();
  });
});

describe('statusNow and statusFilter', () => {
  // Work due on 12/3/2027 (PlanflowLastDay: its 00:00 in Vietnam), due soon from 00:00 on 9/3 (its first reminder).
  const lastDay = new Date('2027-03-11T17:00:00Z');
  const dueSoon = new Date('2027-03-08T17:00:00Z');
  const at = (iso: string) => new Date(iso);

  it('moves work asleep on its clock as the clock would have: due soon from its first reminder, overdue after its last day', () => {
    expect(statusNow('not-due', lastDay, dueSoon, at('2027-03-08T16:59:59Z'))).toBe('not-due');
    expect(statusNow('not-due', lastDay, dueSoon, NOW)).toBe('due-soon');
    expect(statusNow('not-due', lastDay, dueSoon, at('2027-03-12T16:59:59Z'))).toBe('due-soon');
    expect(statusNow('not-due', lastDay, dueSoon, at('2027-03-12T17:00:00Z'))).toBe('overdue'); // 24:00 of 12/3
    expect(statusNow('due-soon', lastDay, undefined, at('2027-03-13T00:00:00Z'))).toBe('overdue');
    // A person's status and work without a deadline stay as they are; work that wrote its own status has no due soon.
    expect(statusNow('submitted', lastDay, dueSoon, at('2027-04-01T00:00:00Z'))).toBe('submitted');
    expect(statusNow('no-deadline', undefined, undefined, NOW)).toBe('no-deadline');
    expect(statusNow('not-due', lastDay, undefined, NOW)).toBe('not-due');
  });

  it('filters by the same rule', () => {
    expect(statusFilter('due-soon', NOW)).toBe(
      "PlanflowStatus IN ('not-due', 'due-soon') AND PlanflowLastDay > '2027-03-09T03:00:00.000Z' AND (PlanflowStatus = 'due-soon' OR PlanflowDueSoon <= '2027-03-10T03:00:00.000Z')",
    );
    expect(statusFilter('not-due', NOW)).toBe(
      "PlanflowStatus = 'not-due' AND PlanflowLastDay > '2027-03-09T03:00:00.000Z' AND (PlanflowDueSoon IS NULL OR PlanflowDueSoon > '2027-03-10T03:00:00.000Z')",
    );
    expect(statusFilter('returned', NOW)).toBe("PlanflowStatus = 'returned'");
  });
});

describe('urgencyOf', () => {
  it('colours overdue, due soon, on track, waiting and done', () => {
    expect(AssignmentStatus.options.map((s) => [s, urgencyOf(s)])).toEqual([
      ['not-due', 'on-track'], ['due-soon', 'due-soon'], ['overdue', 'overdue'], ['submitted', 'waiting'], ['returned', 'due-soon'],
      ['done-on-time', 'done'], ['done-late', 'done'], ['cancelled', 'done'], ['reassigned', 'done'], ['no-deadline', 'on-track'],
    ]);
  });
});

describe('reviewsQuery', () => {
  it('asks for the running assignments with a submitted report for the reviewers, ids only', () => {
    expect(reviewsQuery(['phong-ldtbxh-dt', "x' OR 'a"])).toBe(
      "WorkflowType = 'assignment' AND ExecutionStatus = 'Running' AND PlanflowReviewers IN ('phong-ldtbxh-dt') AND PlanflowStatus = 'submitted'",
    );
    expect(reviewsQuery(["'"])).toBeUndefined();
  });
});

describe('describeAssignment', () => {
  it('names an assignment by its memo, and an old one (or a memo out of shape) by its id', () => {
    const memo = { title: 'Mục V.2: Tổ chức truyền thông', planNumber: '68/KH-UBND', planTitle: 'Kế hoạch chăm sóc trẻ em', cycle: 'quý IV/2026' };
    expect(describeAssignment({ workflowId: 'plan/a/b/c', memo })).toEqual(memo);
    expect(describeAssignment({ workflowId: 'plan/a/b/c', memo: undefined })).toEqual({ title: 'plan/a/b/c' });
    expect(describeAssignment({ workflowId: 'plan/a/b/c', memo: { title: 'x'.repeat(3000), planNumber: '1', planTitle: 't' } })).toEqual({ title: 'plan/a/b/c' });
  });
});

describe('closeRequestedAt', () => {
  it('is the latest consolidation, action or assignment end: what made the plan ready to close', () => {
    const view = {
      actions: [{ at: 1_000, action: 'approve' as const, by: 'trieu-duc-dung' }],
      consolidations: [{ at: 5_000 }] as PlanView['consolidations'],
      assignments: { a: { completedAt: 4_000 }, b: {} } as unknown as PlanView['assignments'],
    };
    expect(closeRequestedAt(view)).toBe(5_000);
    expect(closeRequestedAt({ ...view, consolidations: [] })).toBe(4_000);
    expect(closeRequestedAt({ actions: [], consolidations: [], assignments: {} })).toBeUndefined();
  });
});

describe('waitedWords', () => {
  it('says hours on the first day, then days', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    expect(waitedWords('vi', now, new Date('2026-11-25T07:30:00Z'))).toBe('2 giờ');
    expect(waitedWords('vi', now, new Date('2026-11-22T09:00:00Z'))).toBe('3 ngày');
    expect(waitedWords('en', now, new Date('2026-11-24T09:00:00Z'))).toBe('1 day');
  });
});
