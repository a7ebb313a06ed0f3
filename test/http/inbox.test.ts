// The inbox's visibility query: built only from ids in their formats, so nothing typed into a filter changes its
// shape; and the colour each status gets.
import { AssignmentStatus } from '../../model/status';
import { inboxQuery, urgencyOf } from '../../client/http/inbox';

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
