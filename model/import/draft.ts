// Puts what the readers found into a draft plan, recording where each value came from, what is missing and why.
// Nothing here adds a fact: a value is either quoted from the text or a stated rule's consequence, flagged.
import type { z } from 'zod';
import type { Clause, Consolidation, Deadline, Indicator, Objective, Recipient, Submission } from '../plan';
import { levelOf } from './agencies';
import type { FoundRecipient, FoundSignatory } from './closing';
import type { FoundClause } from './clauses';
import type { Found, Identity } from './identity';
import type { Period } from './period';
import type { Reference } from './references';
import { Registry } from './registry';
import type { FoundReport } from './reporting';
import type { DraftPlan, ImportFacts, ImportOutcome, ImportWarning } from './result';
import type { Shape } from './shape';
import { clauseText, ratioWords, type FoundObjective } from './targets';
import { fold, quote, slug, type Source, type Span } from './text';

export interface Findings {
  identity: Identity;
  shape: Shape;
  references: Reference[];
  period?: Period;
  objectives: FoundObjective[];
  clauses: FoundClause[];
  reports: FoundReport[];
  recipients?: FoundRecipient[];
  signatory?: FoundSignatory;
  metadataSigner?: Found<string>;
  pageTitle?: Found<string>;
  declaredCounts?: { objectives?: number; indicators?: number; span: Span };
}

export function buildDraft(source: Source, found: Findings): ImportOutcome {
  const b = new Builder(source);
  const document = b.document(found);
  const { objectives, indicators } = b.objectives(found.objectives);
  const clauses = b.clauses(found.clauses);
  const reporting = b.reporting(found.reports, found.clauses);
  const recipients = found.shape.kind === 'full-text' ? b.recipients(found.recipients ?? []) : [];
  const signatory = b.signatory(found.signatory);
  const plan: DraftPlan = {
    schemaVersion: 1,
    ...b.identity(document, found),
    document,
    objectives,
    indicators,
    ...b.declaredCounts(found, objectives.length, indicators.length),
    agencies: b.registry.agencies,
    people: signatory ? [signatory.person] : [],
    clauses,
    reporting,
    ...(signatory ? { signatory: signatory.signatory } : {}),
    recipients,
  };
  b.finish(plan, found);
  return { plan, provenance: b.provenance, missing: b.missing, warnings: b.warnings, facts: b.facts(found) };
}

type DraftDocument = DraftPlan['document'];

class Builder {
  readonly registry = new Registry();
  readonly provenance: Record<string, string> = {};
  readonly missing: string[] = [];
  readonly warnings: ImportWarning[] = [];
  private readonly leads: string[] = [];
  private readonly links: ImportFacts['reports'] = [];

  constructor(private readonly source: Source) {}

  private from(path: string, span: Span): void {
    const text = quote(this.source, span);
    this.provenance[path] = text.length > 300 ? `${text.slice(0, 297)}…` : text;
  }

  private warn(code: ImportWarning['code'], message: string, path?: string): void {
    this.warnings.push({ code, message, ...(path ? { path } : {}) });
  }

  document(found: Findings): DraftDocument {
    const { identity, shape } = found;
    const doc: DraftDocument = { source: { kind: shape.kind, ...(shape.truncated ? { note: 'Bản chép bị cắt, không đủ toàn văn.' } : {}) } };
    if (identity.issuer) {
      doc.issuer = this.registry.setIssuer(identity.issuer.value);
      this.from('document.issuer', identity.issuer.span);
    } else this.warn('no-issuer', 'Văn bản không cho biết cơ quan ban hành; cần bổ sung document.issuer và agencies.', 'document.issuer');
    if (identity.number) {
      doc.number = identity.number.value;
      this.from('document.number', identity.number.span);
    }
    this.symbol(doc, found);
    if (identity.issuedOn) {
      doc.issuedOn = identity.issuedOn.value;
      this.from('document.issuedOn', identity.issuedOn.span);
    }
    if (identity.partialIssueDate) {
      this.from('document.issuedOn', identity.partialIssueDate.span);
      this.warn('partial-date', `Ngày ban hành «${quote(this.source, identity.partialIssueDate.span)}» không có năm; planflow không tự điền năm, cần bổ sung document.issuedOn.`, 'document.issuedOn');
    }
    if (identity.place) {
      doc.place = identity.place.value;
      this.from('document.place', identity.place.span);
    }
    const title = identity.title ?? (shape.kind === 'news-article' ? identity.reportedTitle : undefined) ?? found.pageTitle;
    if (title) {
      doc.title = title.value;
      this.from('document.title', title.span);
    }
    doc.implements = found.references.map((r, i) => (this.from(`document.implements[${i}]`, r.span), r.value));
    if (found.period) {
      doc.period = found.period.value;
      this.from('document.period', found.period.span);
    }
    if (shape.kind === 'news-article') {
      this.warn('news-article', 'Đây là bản tin về kế hoạch, không phải toàn văn: bản tin không có Nơi nhận và khối chữ ký; ngày đăng tin, tác giả và người chụp ảnh không được dùng.');
    }
    if (shape.truncated) this.warn('truncated', `Văn bản bị cắt, dừng ở «${shape.lastLine.slice(-80)}»: phần sau (giao việc, chế độ báo cáo, người ký, Nơi nhận) có thể bị thiếu.`);
    return doc;
  }

  /** The symbol as printed; for a full-text Kế hoạch of a People's Committee that prints none, the rule's KH-UBND. */
  private symbol(doc: DraftDocument, found: Findings): void {
    const { identity, shape } = found;
    if (identity.symbol) {
      doc.symbol = identity.symbol.value;
      this.from('document.symbol', identity.symbol.span);
      return;
    }
    const committee = identity.issuer && /^(?:u?y ban nhan dan|ubnd)\b/.test(this.source.folded.slice(identity.issuer.span.start, identity.issuer.span.end));
    if (shape.kind === 'full-text' && identity.title && identity.docType?.value === 'ke hoach' && committee && identity.issuer) {
      doc.symbol = 'KH-UBND';
      this.from('document.symbol', { start: identity.docType.span.start, end: identity.docType.span.end });
      this.warn('derived-symbol', 'Văn bản không ghi số, ký hiệu; ký hiệu KH-UBND suy ra từ loại văn bản (Kế hoạch) và cơ quan ban hành (Ủy ban nhân dân). Số do văn thư cấp khi ban hành.', 'document.symbol');
    }
  }

  identity(document: DraftDocument, found: Findings): { id?: string } {
    const year = document.issuedOn?.slice(0, 4) ?? document.period?.from;
    if (document.number !== undefined && year !== undefined) return {};
    const issuer = found.identity.issuer?.value ?? '';
    const id = slug(`${document.number ?? ''} ${document.symbol ?? 'ke-hoach'} ${issuer} ${document.period ? document.period.from : ''} ${document.title ?? ''}`, 60);
    this.warn('generated-id', `Văn bản không đủ số và năm để làm mã kế hoạch; planflow đặt mã «${id}» (đổi được).`, 'id');
    return { id };
  }

  objectives(found: FoundObjective[]): { objectives: z.input<typeof Objective>[]; indicators: z.input<typeof Indicator>[] } {
    const objectives: z.input<typeof Objective>[] = [];
    const indicators: z.input<typeof Indicator>[] = [];
    found.forEach((o, i) => {
      const ids = o.targets.map((t) => {
        const index = indicators.length;
        const id = `chi-tieu-${index + 1}`;
        const name = clauseText(this.source, t) || `Chỉ tiêu ${index + 1}`;
        const words = ratioWords(this.source, t);
        if (!words) this.warn('denominator-unstated', 'Văn bản không nêu rõ tử số, mẫu số của tỷ lệ này; cần kiểm tra.', `indicators[${index}].measure`);
        indicators.push({
          id,
          name,
          measure: { kind: 'ratio', numerator: words?.numerator ?? name.slice(0, 300), denominator: words?.denominator ?? '(văn bản không nêu mẫu số)' },
          targets: [{ by: `${t.year}-12-31`, value: t.value }],
        });
        this.from(`indicators[${index}].targets[0]`, { start: t.clause.start, end: Math.max(t.clause.end, t.span.end) });
        return id;
      });
      objectives.push({ id: `muc-tieu-${i + 1}`, text: quote(this.source, o.span), indicators: ids });
      this.from(`objectives[${i}]`, o.span);
    });
    return { objectives, indicators };
  }

  /** Counts the text states; kept only when they are not fewer than the items listed (the validator's rule). */
  declaredCounts(found: Findings, objectives: number, indicators: number): Pick<DraftPlan, 'declaredCounts'> {
    const stated = found.declaredCounts;
    if (!stated || (stated.objectives ?? 0) < objectives || (stated.indicators ?? 0) < indicators) return {};
    this.from('declaredCounts', stated.span);
    return { declaredCounts: { objectives: stated.objectives, indicators: stated.indicators } };
  }

  clauses(found: FoundClause[]): z.input<typeof Clause>[] {
    return found.map((c, i) => {
      const path = `clauses[${i}]`;
      const assignees = unique(c.assignees.map((a) => this.registry.add(a.value)));
      const lead = c.lead ? this.registry.add(c.lead.value) : this.registry.issuerId;
      if (c.lead) {
        this.leads.push(c.lead.value);
        this.from(`${path}.lead`, c.lead.span);
      } else {
        this.warn('default-lead', 'Văn bản không nêu đơn vị chủ trì việc này; tạm đặt cơ quan ban hành theo dõi, duyệt (đổi nếu cần).', `${path}.lead`);
      }
      const coordinators = unique(c.coordinators.map((a) => this.registry.add(a.value))).filter((id) => id !== lead && !assignees.includes(id));
      this.from(path, c.span);
      const deadline = this.deadline(c.deadline, path);
      return {
        id: `clause-${i + 1}`,
        text: c.text,
        lead: lead ?? '',
        coordinators,
        assignees,
        due: c.implementingPlan ? 'implementing-plan' : 'action',
        ...(deadline ? { deadline } : {}),
      };
    });
  }

  private deadline(found: FoundClause['deadline'], path: string): Deadline | undefined {
    if (!found) return undefined;
    if (found.kind === 'no-year') {
      this.warn('deadline-no-year', `Hạn «${quote(this.source, found.span)}» không có năm và không nói hằng năm; cần bổ sung.`, `${path}.deadline`);
      return undefined;
    }
    this.from(`${path}.deadline`, found.span);
    return found.deadline;
  }

  reporting(found: FoundReport[], clauses: FoundClause[]): DraftPlan['reporting'] {
    const submissions: z.input<typeof Submission>[] = [];
    const consolidations: z.input<typeof Consolidation>[] = [];
    const receivedBy = new Map<string, string[]>();
    for (const r of found) {
      const from = r.from.length > 0 ? r.from : (clauses.filter((c) => c.span.start <= r.span.start).at(-1)?.assignees ?? []);
      const deadline = r.deadline?.kind === 'deadline' ? r.deadline.deadline : undefined;
      this.links.push({
        from: from.map((f) => f.value), to: r.to.value, ...(r.via ? { via: r.via.value } : {}),
        ...(deadline ? { deadline: deadline.kind === 'date' ? deadline.date : deadline.kind === 'recurring' ? (deadline.on ?? '') : '' } : {}),
        consolidates: r.consolidates,
      });
      // "... gửi về Phòng X ... để tổng hợp báo cáo UBND huyện": Phòng X is who consolidates.
      const sameSentence = found.find((o) => !o.consolidates && o.span.start === r.span.start && found.indexOf(o) < found.indexOf(r));
      if (r.consolidates) {
        const by = this.registry.add((sameSentence ? (sameSentence.via ?? sameSentence.to) : (from[0] ?? r.to)).value);
        this.consolidate(consolidations, receivedBy, by, this.registry.add(r.to.value), deadline, r);
        continue;
      }
      if (from.length === 0) continue;
      const receiver = this.registry.add((r.via ?? r.to).value);
      if (!deadline) {
        this.warn('report-no-deadline', `Văn bản nêu việc báo cáo «${r.text.slice(0, 120)}» nhưng không nêu hạn; cần bổ sung nếu muốn theo dõi.`, 'reporting.submissions');
        continue;
      }
      const id = `bao-cao-${submissions.length + 1}`;
      this.from(`reporting.submissions[${submissions.length}]`, r.span);
      if (r.deadline) this.from(`reporting.submissions[${submissions.length}].deadline`, r.deadline.span);
      submissions.push({ id, text: r.text, from: unique(from.map((f) => this.registry.add(f.value))), to: receiver, deadline });
      receivedBy.set(receiver, [...(receivedBy.get(receiver) ?? []), id]);
      if (r.via) this.consolidate(consolidations, receivedBy, receiver, this.registry.add(r.to.value), undefined, r);
    }
    return { submissions, consolidations: consolidations.filter((c) => (c.of?.length ?? 0) > 0) };
  }

  private consolidate(list: z.input<typeof Consolidation>[], receivedBy: Map<string, string[]>, by: string, to: string, deadline: Deadline | undefined, r: FoundReport): void {
    const existing = list.find((c) => c.by === by);
    if (existing) {
      if (!existing.to.includes(to)) existing.to.push(to);
      if (deadline && !existing.deadline) existing.deadline = deadline;
      existing.of = unique([...(existing.of ?? []), ...(receivedBy.get(by) ?? [])]);
      return;
    }
    this.from(`reporting.consolidations[${list.length}]`, r.span);
    list.push({ id: `tong-hop-${list.length + 1}`, text: r.text, of: receivedBy.get(by) ?? [], by, to: [to], ...(deadline ? { deadline } : {}) });
  }

  recipients(found: FoundRecipient[]): z.input<typeof Recipient>[] {
    return found.map((r, i) => {
      this.from(`recipients[${i}]`, r.span);
      // "Như trên", "Như Điều 3" point back at names already given.
      const named = !r.archive && !/^nhu(?:\s|$)/.test(fold(r.text));
      // "TT Huyện ủy; TT HĐND huyện;" names two bodies on one line.
      const parts = r.text.split(';').map((p) => p.trim()).filter((p) => p.length > 1);
      return { text: r.text, to: named ? unique(parts.map((p) => this.registry.add(p))) : [], archive: r.archive };
    });
  }

  signatory(found?: FoundSignatory): { person: DraftPlan['people'][number]; signatory: NonNullable<DraftPlan['signatory']> } | undefined {
    if (!found || !this.registry.issuerId) return undefined;
    const id = slug(found.name.value);
    this.from('signatory', found.span);
    return {
      person: { id, name: found.name.value, title: found.title, agency: this.registry.issuerId },
      signatory: { person: id, capacity: found.capacity, ...(found.onBehalfOf ? { onBehalfOf: found.onBehalfOf } : {}), title: found.title },
    };
  }

  /** What the coordinator must supply: fields the text leaves empty, then every contact address. */
  finish(plan: DraftPlan, found: Findings): void {
    const doc = plan.document;
    for (const key of ['number', 'symbol', 'issuer', 'issuedOn', 'title', 'period'] as const) if (doc[key] === undefined) this.missing.push(`document.${key}`);
    if (!plan.signatory) this.missing.push('signatory');
    if (found.shape.kind === 'full-text' && (plan.recipients ?? []).length === 0) this.missing.push('recipients');
    if ((plan.clauses ?? []).length === 0) {
      this.missing.push('clauses');
      this.warn('no-clauses', 'Văn bản không giao việc cụ thể cho đơn vị nào (hoặc phần giao việc bị cắt); cần bổ sung clauses trước khi theo dõi.');
    }
    plan.clauses?.forEach((c, i) => c.lead || this.missing.push(`clauses[${i}].lead`));
    plan.agencies.forEach((a, i) => this.missing.push(`agencies[${i}].emails`));
    plan.people?.forEach((p, i) => this.missing.push(`people[${i}].email`));
    for (const id of this.registry.collectives) {
      const index = plan.agencies.findIndex((a) => a.id === id);
      this.warn('unlisted-group', `«${plan.agencies[index]?.name ?? id}» là một nhóm văn bản không liệt kê; điền địa chỉ chung hoặc thay bằng nhóm (groups).`, `agencies[${index}]`);
    }
    if (found.metadataSigner && !plan.signatory) {
      this.warn('metadata-signer', `Trang web ghi «${found.metadataSigner.value}» là người ký, nhưng bản chép không có khối chữ ký; người ký chưa được đặt.`, 'signatory');
    }
  }

  facts(found: Findings): ImportFacts {
    const level = found.identity.issuer && levelOf(found.identity.issuer.value);
    return {
      sourceKind: found.shape.kind,
      truncated: found.shape.truncated,
      ...(level ? { issuerLevel: level } : {}),
      ...(found.identity.partialIssueDate ? { partialIssueDate: found.identity.partialIssueDate.value } : {}),
      statedLeads: unique(this.leads),
      reports: this.links,
      ...(found.metadataSigner ? { metadataSigner: found.metadataSigner.value } : {}),
    };
  }
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
