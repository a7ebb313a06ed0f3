// The official days off announced after planflow shipped (`planflow calendar official add`): one long-lived workflow
// per namespace holds them, so every worker and client reads the same data, durably, without another database.
// Plans read it when they start; running plans hear of a new decision by signal (client/calendar.ts broadcasts it).
import { allHandlersFinished, condition, continueAsNew, defineQuery, defineUpdate, setHandler, workflowInfo } from '@temporalio/workflow';
import { OfficialBreak } from '../model/calendar';
import { parseInput } from './rejection';

export const OFFICIAL_CALENDAR_ID = 'planflow/official-calendar';

/** Adds a decision; it replaces an earlier one for the same occasions of the same year. Answers with all of them. */
export const addOfficialBreakUpdate = defineUpdate<OfficialBreak[], [OfficialBreak]>('addOfficialBreak');
export const officialBreaksQuery = defineQuery<OfficialBreak[]>('officialBreaks');

const yearOf = (b: OfficialBreak) => b.to.slice(0, 4);
const overlaps = (a: OfficialBreak, b: OfficialBreak) => yearOf(a) === yearOf(b) && a.occasions.some((o) => b.occasions.includes(o));

export async function officialCalendar(carried: OfficialBreak[] = []): Promise<void> {
  let breaks = carried;
  setHandler(officialBreaksQuery, () => breaks);
  setHandler(
    addOfficialBreakUpdate,
    (decision) => {
      breaks = [...breaks.filter((b) => !overlaps(b, decision)), decision].sort((a, b) => a.from.localeCompare(b.from));
      return breaks;
    },
    { validator: (raw) => void parseInput(OfficialBreak, raw) },
  );
  // A handful of decisions a year: it only continues as new when Temporal suggests it.
  await condition(() => workflowInfo().continueAsNewSuggested);
  await condition(allHandlersFinished);
  await continueAsNew<typeof officialCalendar>(breaks);
}
