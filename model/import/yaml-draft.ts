// The draft as a YAML plan file a coordinator edits: each extracted value carries its source span as a comment,
// and the file opens with what is missing and the warnings, so nothing the text did not state passes unnoticed.
import { Document, isCollection, isScalar } from 'yaml';
import type { ImportOutcome } from './result';

type Segment = string | number;

/** `clauses[0].lead` → ['clauses', 0, 'lead']. */
export function pathSegments(path: string): Segment[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] ?? '')));
}

const oneLine = (text: string, max = 140) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function draftYaml(outcome: ImportOutcome): string {
  const doc = new Document(outcome.plan);
  doc.commentBefore = header(outcome);
  for (const [path, text] of Object.entries(outcome.provenance)) {
    const node: unknown = doc.getIn(pathSegments(path), true);
    if (isScalar(node)) node.comment = ` «${oneLine(text)}»`;
    else if (isCollection(node)) node.commentBefore = ` nguồn: «${oneLine(text, 200)}»`;
  }
  return doc.toString({ lineWidth: 0 });
}

function header(outcome: ImportOutcome): string {
  const contacts = outcome.missing.filter((p) => /\.emails?$/.test(p)).length;
  const fields = outcome.missing.filter((p) => !/\.emails?$/.test(p));
  const lines = [
    ' Bản nháp do `planflow import` tạo từ văn bản: mỗi giá trị ghi kèm đoạn văn bản nguồn («...»).',
    ` Nguồn: ${outcome.facts.sourceKind === 'news-article' ? 'bản tin về kế hoạch' : 'toàn văn'}${outcome.facts.truncated ? ', bị cắt' : ''}.`,
    ` Cần bổ sung trước khi khởi chạy: ${[...fields, ...(contacts ? [`địa chỉ email của ${contacts} cơ quan, người (văn bản không bao giờ có)`] : [])].join('; ') || 'không'}.`,
    ...outcome.warnings.map((w) => ` Lưu ý${w.path ? ` (${w.path})` : ''}: ${oneLine(w.message, 300)}`),
  ];
  return lines.join('\n');
}
