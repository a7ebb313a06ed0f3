// `importPlanText`: a Vietnamese plan's text (full text or news item) → a draft plan with provenance, what is
// missing and warnings. Pure and deterministic: no I/O, no network, no model; the CLI and the portal are fronts.
import { readMetadataSigner, readRecipients, readSignatory } from './closing';
import { readClauses } from './clauses';
import { buildDraft, type Findings } from './draft';
import type { Found } from './identity';
import { readIdentity } from './identity';
import { readPeriod } from './period';
import { readReferences } from './references';
import { readReports } from './reporting';
import type { ImportOutcome } from './result';
import { contentEnd, preambleEnd, sectionsOf, sectionWith } from './sections';
import { readShape } from './shape';
import { readDeclaredCounts, readObjectives } from './targets';
import { makeSource, type Source } from './text';

export type { ImportOutcome, DraftPlan, ImportWarning, ImportFacts } from './result';
export { ImportJson, ImportResult } from './result';

/** Texts longer than this are refused: a plan is tens of pages, not a book. */
export const MAX_TEXT_LENGTH = 2_000_000;

export function importPlanText(raw: string): ImportOutcome {
  if (raw.length > MAX_TEXT_LENGTH) throw new RangeError(`văn bản dài quá ${MAX_TEXT_LENGTH} ký tự`);
  const source = makeSource(raw);
  return buildDraft(source, read(source));
}

function read(source: Source): Findings {
  const identity = readIdentity(source);
  const shape = readShape(source, identity, identity.formal ? source.text.length : contentEnd(source));
  const news = shape.kind === 'news-article';
  const end = news ? contentEnd(source) : source.text.length;
  const bodyStart = identity.formal ? preambleEnd(source, identity.bodyStart) : 0;
  const ownNumber = identity.number && identity.symbol ? `${identity.number.value}/${identity.symbol.value}` : undefined;
  const title = identity.title ?? (news ? identity.reportedTitle : undefined);
  const sections = sectionsOf(source, bodyStart, end);
  const duties = sectionWith(sections, source, /to chuc thuc hien|trach nhiem|phan cong/);
  const skip = identity.issueSentence ? [identity.issueSentence] : [];
  const recipients = news ? undefined : readRecipients(source);
  const footStart = news ? undefined : Math.min(recipients?.span.start ?? Infinity, source.text.lastIndexOf('./.') >= 0 ? source.text.lastIndexOf('./.') : Infinity);
  // "Trên đây là Kế hoạch ...", Nơi nhận and the signature close the duties section.
  const closing = Math.min(footStart ?? end, /\ntren day la\b/.exec(source.folded)?.index ?? end, end);
  const dutiesSpan = duties && { start: duties.span.start, end: Math.min(duties.span.end, closing) };
  return {
    identity,
    shape,
    references: readReferences(source, { start: identity.formal ? identity.bodyStart : 0, end: identity.formal ? bodyStart : end }, ownNumber),
    period: readPeriod(source, (title ?? pageTitle(source))?.span),
    objectives: readObjectives(source, bodyStart, duties?.span.start ?? end),
    // A news item's headline and lines above the issue sentence assign nothing.
    clauses: dutiesSpan ? readClauses(source, dutiesSpan, true) : readClauses(source, { start: news ? (identity.issueSentence?.start ?? bodyStart) : bodyStart, end: closing }, false, skip),
    reports: readReports(source, { start: bodyStart, end }),
    recipients: recipients?.lines,
    signatory: footStart !== undefined && footStart !== Infinity ? readSignatory(source, Math.max(0, footStart - 400)) : undefined,
    metadataSigner: readMetadataSigner(source),
    pageTitle: title ? undefined : pageTitle(source),
    declaredCounts: readDeclaredCounts(source, bodyStart),
  };
}

/** A web page's own title line ("Kế hoạch Chương trình MTQG ... năm 2014") when the text has no other title. */
function pageTitle(source: Source): Found<string> | undefined {
  let at = 0;
  for (const line of source.text.split('\n').slice(0, 10)) {
    const folded = source.folded.slice(at, at + line.length);
    if (/^ke hoach\s+\S/.test(folded) && !/\d+\s*\/\s*[a-z]/.test(folded) && line.length < 200) return { value: line.trim(), span: { start: at, end: at + line.length } };
    at += line.length + 1;
  }
  return undefined;
}
