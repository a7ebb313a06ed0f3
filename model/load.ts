// Reads a plan from its text (YAML, or JSON, which is YAML too) and validates it, pointing each problem at its line.
import { LineCounter, parseDocument, type Document } from 'yaml';
import { message, type Lang } from './messages';
import { validatePlan, type PathSegment, type Problem, type Validation } from './validate';

export function loadPlanText(text: string, lang: Lang = 'vi'): Validation {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
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
  const result = validatePlan(doc.toJS(), lang);
  if (result.ok) return result;
  return { ok: false, problems: result.problems.map((p) => ({ ...p, line: lineOf(doc, lineCounter, p.path) })) };
}

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
