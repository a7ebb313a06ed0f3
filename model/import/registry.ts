// The agencies a draft names, each once: "UBND huyện" and "Ủy ban nhân dân huyện Văn Quan" are the issuer;
// "Sở Lao động - Thương binh và Xã hội" and "... tỉnh" are one agency. Ids are slugs of the first name seen.
import { kindOf } from './agencies';
import type { DraftAgency } from './result';
import { fold, slug } from './text';

const COLLECTIVE = /^cac\s|^(?:u?y ban nhan dan|ubnd)\s+cac\s/;

/** A name reduced to what identifies it: abbreviations expanded, punctuation and a trailing level word dropped. */
export function agencyKey(name: string): string {
  return fullKey(name)
    .replace(/\s+(?:huyen|tinh|xa|thanh pho|thi xa|quan|phuong)$/, '');
}

function fullKey(name: string): string {
  return fold(name)
    .replace(/\bubnd\b/g, 'uy ban nhan dan')
    .replace(/\b(?:ub\s*mttq|ubmttq|uy ban mttq)\b/g, 'uy ban mat tran to quoc')
    .replace(/\bmttq\b/g, 'mat tran to quoc')
    .replace(/\bviet nam\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^y ban nhan dan\b/, 'uy ban nhan dan');
}

export class Registry {
  readonly agencies: DraftAgency[] = [];
  private readonly byKey = new Map<string, string>();
  private issuerKey?: string;
  issuerId?: string;
  /** Agencies whose name is a collective the text does not list ("UBND các xã, thị trấn"). */
  readonly collectives: string[] = [];

  setIssuer(name: string): string {
    const id = this.add(name);
    this.issuerId = id;
    this.issuerKey = fullKey(name);
    return id;
  }

  add(name: string): string {
    const clean = name.replace(/\s+/g, ' ').replace(/[;,.:]+$/, '').trim().slice(0, 200);
    const key = agencyKey(clean);
    const known = this.byKey.get(key);
    if (known) return known;
    // "UBND huyện" in the body of a district's plan is the issuer itself.
    const full = fullKey(clean);
    const bare = /^(?:uy ban nhan dan|hoi dong nhan dan|ban chi dao|ban dieu hanh|ban thuong vu(?: (?:huyen|tinh|thanh|quan|thi) uy)?)(?: (?:huyen|tinh|xa|thanh pho|thi xa|quan|phuong))?$/.test(full);
    // "Ban Thường vụ Tỉnh ủy" in a plan headed "TỈNH ỦY BẮC GIANG" is the issuer too.
    const party = /^ban thuong vu ((?:huyen|tinh|thanh|quan|thi) uy)$/.exec(full)?.[1];
    if (this.issuerId && this.issuerKey && ((bare && this.issuerKey.startsWith(`${full} `)) || (party && this.issuerKey.startsWith(`${party} `)))) {
      return this.issuerId;
    }
    const id = this.uniqueId(slug(clean));
    this.byKey.set(key, id);
    const collective = COLLECTIVE.test(fold(clean));
    if (collective) this.collectives.push(id);
    this.agencies.push({
      id,
      name: clean,
      kind: kindOf(clean),
      ...(collective ? { note: 'Văn bản chỉ ghi chung, không liệt kê đơn vị; thay bằng một nhóm (groups) khi có danh sách.' } : {}),
    });
    return id;
  }

  private uniqueId(base: string): string {
    const taken = new Set(this.agencies.map((a) => a.id));
    if (!taken.has(base)) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
  }
}
