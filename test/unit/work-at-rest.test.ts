// Which work a plan's close may end on the server (activities/work.ts, atRest): only a running workflow with nothing
// in flight. A terminated workflow's unfinished task or activity would hold the time-skipping server's clock for good.
import { atRest } from '../../activities/work';

const started = { workflowExecutionStartedEventAttributes: {} };
const task = [{ workflowTaskScheduledEventAttributes: {} }, { workflowTaskStartedEventAttributes: {} }, { workflowTaskCompletedEventAttributes: {} }];

test('a workflow asleep after its task is at rest, timers and markers included', () => {
  expect(atRest([started, ...task, { markerRecordedEventAttributes: {} }, { timerStartedEventAttributes: {} }])).toBe(true);
  // A signal heard and its task done.
  expect(atRest([started, ...task, { workflowExecutionSignaledEventAttributes: {} }, ...task])).toBe(true);
});

test('a workflow task scheduled or running is in flight', () => {
  expect(atRest([started, { workflowTaskScheduledEventAttributes: {} }])).toBe(false);
  expect(atRest([started, ...task, { workflowExecutionSignaledEventAttributes: {} }, ...task.slice(0, 2)])).toBe(false);
  // A task that failed or timed out is scheduled again: in flight until that one completes.
  expect(atRest([started, ...task.slice(0, 2), { workflowTaskTimedOutEventAttributes: {} }, ...task.slice(0, 2)])).toBe(false);
  expect(atRest([started, ...task.slice(0, 2), { workflowTaskFailedEventAttributes: {} }, ...task])).toBe(true);
});

test('an activity, a signal to another workflow or a child start awaiting its outcome is in flight', () => {
  expect(atRest([started, ...task, { activityTaskScheduledEventAttributes: {} }])).toBe(false);
  expect(atRest([started, ...task, { activityTaskScheduledEventAttributes: {} }, { activityTaskStartedEventAttributes: {} }])).toBe(false);
  expect(atRest([started, ...task, { activityTaskScheduledEventAttributes: {} }, { activityTaskFailedEventAttributes: {} }, ...task])).toBe(true);
  expect(atRest([started, ...task, { signalExternalWorkflowExecutionInitiatedEventAttributes: {} }])).toBe(false);
  expect(atRest([started, ...task, { signalExternalWorkflowExecutionInitiatedEventAttributes: {} }, { externalWorkflowExecutionSignaledEventAttributes: {} }, ...task])).toBe(true);
  expect(atRest([started, ...task, { startChildWorkflowExecutionInitiatedEventAttributes: {} }])).toBe(false);
});

test('a workflow that has ended, or has no history, is not at rest: there is nothing to end', () => {
  expect(atRest([])).toBe(false);
  expect(atRest([started, ...task, { workflowExecutionCompletedEventAttributes: {} }])).toBe(false);
  expect(atRest([started, ...task, { workflowExecutionTerminatedEventAttributes: {} }])).toBe(false);
  expect(atRest([started, ...task, { workflowExecutionContinuedAsNewEventAttributes: {} }])).toBe(false);
});
