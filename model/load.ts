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
  /**
   * Nesting, checked on the text before yaml reads it (yaml recurses, and a stack overflow is slow and depends on
   * the machine): flow brackets open at once, and columns of indentation. A plan needs a handful of each.
   */
  brackets: 100,
  indent: 400,
  /** Syntax errors reported: after the first few, the rest are mostly echoes of them. */
  syntaxErrors: 5,
} as const;

export function loadPlanText(text: string, lang: Lang = 'vi'): Validation {
  if (text.length > LOAD_LIMITS.chars) return refused('file-too-large', { max: LOAD_LIMITS.chars / 1024 / 1024 }, lang);
  if (tooDeep(text)) return refused('yaml-too-deep', {}, lang);
  const lineCounter = new LineCounter();
  // yaml's "pretty" errors quote the text around each error: slow on a megabyte line, and `line` says where.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  // yaml turns a stack overflow on deep nesting into an error of its own; it means one thing, however many.
  if (doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION')) return refused('yaml-too-deep', {}, lang);
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.slice(0, LOAD_LIMITS.syntaxErrors).map((e) => ({
        path: [],
        message: message('yaml-syntax', { detail: e.message }, lang),
        line: lineCounter.linePos(e.pos[0]).line,
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

/**
 * Whether the text nests deeper than any plan: more flow brackets open at once, or more indentation, than the
 * limits. Brackets inside quoted text count too: a plan with 100 unclosed "[" in its prose is refused as well.
 */
function tooDeep(text: string): boolean {
  let open = 0;
  let indent = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) [lineStart, indent] = [true, 0];
    else if (lineStart && c === 0x20) indent++;
    else lineStart = false;
    if (c === 0x5b || c === 0x7b) open++;
    else if ((c === 0x5d || c === 0x7d) && open > 0) open--;
    if (open > LOAD_LIMITS.brackets || indent > LOAD_LIMITS.indent) return true;
  }
  return false;
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
