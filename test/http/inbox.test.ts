// The inbox's visibility query: built only from ids in their formats, so nothing typed into a filter changes its
// shape; the colour each status gets; the memo's names; and how long things have waited.
import { AssignmentStatus } from '../../model/status';
import { inboxQuery, urgencyOf } from '../../client/http/inbox';
import { describeAssignment } from '../../client/http/memo';
import { waitedWords } from '../../client/http/pages/waited';
import { closeRequestedAt, reviewsQuery } from '../../client/http/waiting';
import type { PlanView } from '../../workflows/state';

describe('inboxQuery', () => {
  it('asks for the running assignments of the agencies, with the filters', () => {
    expect(inboxQuery({ agencies: ['xa-an-son', 'xa-dai-an'], plan: 'plan/292-KH-UBND/2019', status: 'overdue' })).toBe(
      "WorkflowType = 'assignment' AND ExecutionStatus = 'Running' AND PlanflowAssignee IN ('xa-an-son', 'xa-dai-an') AND PlanflowPlan = 'plan/292-KH-UBND/2019' AND PlanflowStatus = 'overdue'",
    );
  });

  it('drops what is not an id instead of quoting it into the query', () => {
    const query = inboxQuery({ agencies: ["x' OR 1=1 --", 'xa-an-son'], plan: "plan/x' OR PlanflowAssignee = 'y" });
    expect(query).toBe("WorkflowType = 'assignment' AND ExecutionStatus = 'Running' AND PlanflowAssignee IN ('xa-an-son')");
    expect(inboxQuery({ agencies: ["'"] })).toBeUndefined();
    expect(() => inboxQuery({ agencies: ['xa-an-son'], status: "overdue' OR 'a" as AssignmentStatus })).toThrow();
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
