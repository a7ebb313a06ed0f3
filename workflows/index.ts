// Every workflow the planflow worker runs.
export { planLifecycle } from './plan-lifecycle';
export { planStep } from './plan-step';
export { assignment } from './assignment';
export { officialCalendar } from './official-calendar';
export { broadcast } from './broadcast';
