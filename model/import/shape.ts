// What kind of text this is and whether it is whole: the document itself or a news item about it, and a text cut
// off before its end (a page's opening, an excerpt), which the coordinator must be told about.
import type { Identity } from './identity';
import type { Source } from './text';

export interface Shape {
  kind: 'full-text' | 'news-article';
  truncated: boolean;
  /** The last line the text has, quoted in the warning when it is cut. */
  lastLine: string;
}

const NEWS_MARKS = /(?:^|\n)\s*(?:tin tuc|chi tiet bai viet|ngay dang|thoi gian dang|xuat ban thong tin|ban in)\b|(?:^|\n)\s*[•-]?\s*(?:tac gia|bien tap|nguon)\s*:/;
const TERMINAL = /[.!?…:;)"”'’/]$/u;

export function readShape(source: Source, identity: Identity, end: number): Shape {
  const kind = identity.formal ? 'full-text' : identity.reported || NEWS_MARKS.test(source.folded) ? 'news-article' : 'full-text';
  const lines = source.text.slice(0, end).split('\n').map((l) => l.trim()).filter(Boolean);
  const lastLine = lines.at(-1) ?? '';
  const listLine = /^[-–+•]/u.test(lastLine);
  const cut = !TERMINAL.test(lastLine) && (lastLine.length > (kind === 'news-article' ? 80 : 40) || listLine);
  const closed = /\.\/\.|(?:^|\n)\s*noi nhan\s*:?/.test(source.folded);
  return { kind, truncated: cut || (kind === 'full-text' && !closed), lastLine };
}
