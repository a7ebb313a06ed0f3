// Reads a plan from its text (YAML, or JSON, which is YAML too) and validates it, pointing each problem at its line.
// The text may be hostile: its size, its aliases and its nesting are bounded, and each excess is one problem.
import { LineCounter, parseDocument, type Document } from 'yaml';
import { message, type Lang, type Params } from './messages';
import { validatePlan, type PathSegment, type Problem, type Validation } from './validate';

export const LOAD_LIMITS = {
  /** Characters of plan text: a plan naming 100,000 communes with their emails fits in about 10 MB. */
  chars: 16 * 1024 * 1024,
  /**
   * Alias expansions, counted as yaml does (an alias of a node holding aliases costs more): enough to reuse an
   * anchored deadline in every clause, far too few for a "billion laughs".
   */
  aliases: 100,
} as const;

export function loadPlanText(text: string, lang: Lang = 'vi'): Validation {
  if (text.length > LOAD_LIMITS.chars) return refused('file-too-large', { max: LOAD_LIMITS.chars / 1024 / 1024 }, lang);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  // yaml turns a stack overflow on deep nesting into an error of its own; it means one thing, however many.
  if (doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION')) return refused('yaml-too-deep', {}, lang);
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        path: [],
        // yaml's own text ends with its position, which `line` already carries.
        message: message('yaml-syntax', { detail: e.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '') }, lang),
        line: e.linePos?.[0].line,
      })),
    };
  }
  const data = toData(doc);
  if ('refused' in data) return refused(data.refused, { max: LOAD_LIMITS.aliases }, lang);
  const result = validatePlan(data.value, lang);
  if (result.ok) return result;
  return { ok: false, problems: result.problems.map((p) => ({ ...p, line: lineOf(doc, lineCounter, p.path) })) };
}

/** The document as plain data, or why it cannot be: yaml throws a ReferenceError past the alias limit. */
function toData(doc: Document): { value: unknown } | { refused: string } {
  try {
    return { value: doc.toJS({ maxAliasCount: LOAD_LIMITS.aliases }) };
  } catch (error) {
    if (error instanceof ReferenceError) return { refused: 'yaml-aliases' };
    if (error instanceof RangeError) return { refused: 'yaml-too-deep' };
    throw error;
  }
}

/** A file refused as a whole: one problem at the top of the plan. */
const refused = (code: string, params: Params, lang: Lang): Validation => ({ ok: false, problems: [{ path: [], message: message(code, params, lang) }] });

/** The line of the deepest node on the path that exists in the file (a missing field points at its parent). */
function lineOf(doc: Document, lineCounter: LineCounter, path: PathSegment[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = doc.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lineCounter.linePos(range[0]).line;
  }
  return undefined;
}

export type { Problem };
