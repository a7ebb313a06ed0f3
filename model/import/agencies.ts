// Agency names in running text: where one starts (its head word), where a list of them ends (the task's verb),
// how a list splits, and what kind and level an agency is. Shared by the header, clause and reporting readers.
import type { z } from 'zod';
import type { AgencyKind } from '../plan';
import { fold } from './text';

/** Head words an agency name starts with, folded. "các" starts collective names ("các sở, ngành liên quan"). */
const HEADS = [
  'uy ban nhan dan', 'ubnd', 'uy ban', 'uy ban mat tran', 'ub mttq', 'uy ban mttq', 'ubmttq', 'mat tran to quoc', 'phong', 'so', 'ban', 'bo', 'cuc', 'chi cuc',
  'trung tam', 'hoi', 'doan', 'huyen doan', 'tinh doan', 'thanh doan', 'lien doan', 'cong an', 'van phong', 'thuong truc', 'tt',
  'dang uy', 'huyen uy', 'tinh uy', 'thanh uy', 'chi bo', 'hdnd', 'hoi dong nhan dan', 'bao hiem', 'ngan hang', 'kho bac', 'dai',
  'bao', 'vien', 'truong', 'benh vien', 'quan doi', 'bo chi huy', 'ban chi huy', 'co quan', 'thu tuong', 'chinh phu', 'chu tich',
  'giam doc', 'thu truong', 'tong cuc', 'cac', 'toa an', 'vien kiem sat', 'thanh tra', 'lien minh', 'to',
  'cong chuc', 'can bo', 'tram', 'thon', 'ban quan ly', 'hop tac xa', 'nha truong', 'ap', 'khu pho',
];
const HEAD_RE = new RegExp(String.raw`^(?:${HEADS.join('|')})\b`);

/** Verbs that start the task after a list of agencies ("... và UBND các xã | tổ chức triển khai ..."). */
export const TASK_VERBS = [
  'to chuc', 'trien khai', 'thuc hien', 'tham muu', 'xay dung', 'huong dan', 'theo doi', 'kiem tra', 'ra soat', 'tuyen truyen',
  'van dong', 'cung cap', 'bo tri', 'don doc', 'tong hop', 'nghien cuu', 'dam bao', 'bao dam', 'chi dao', 'ho tro', 'pho bien',
  'quan triet', 'tang cuong', 'day manh', 'tham dinh', 'trinh', 'bao cao', 'ban hanh', 'long ghep', 'huy dong', 'tham gia',
  'can cu', 'trong pham vi', 'theo chuc nang', 'chiu trach nhiem', 'co trach nhiem', 'chu tri', 'phoi hop', 'giam sat', 'danh gia',
  'tap trung', 'chu dong', 'tiep tuc', 'thuong xuyen', 'ra', 'lap', 'gui', 'xu ly', 'cap nhat', 'phan cong', 'thanh lap', 'de xuat',
  'kien nghi', 'lua chon', 'dang ky', 'tiep nhan', 'sap xep', 'phat dong', 'nang cao', 'ung dung', 'cu', 'hoan thanh', 'truoc', 'den',
];
const VERB_RE = new RegExp(String.raw`(?:^|[\s,])(?:${TASK_VERBS.join('|')})\b`);

export const startsWithAgency = (foldedText: string): boolean => HEAD_RE.test(foldedText.trimStart());

/**
 * Where the agency list starting at `folded[0]` ends: before the first task verb (at least one word kept). With the
 * original text, a verb written with a capital is part of a name ("Sở Xây dựng", "Ban Tổ chức", "Ban Chỉ đạo").
 */
export function agencyListEnd(folded: string, original?: string): number {
  const firstWord = /^\S+\s*/.exec(folded)?.[0].length ?? 0;
  // "Ban Tổ chức Tỉnh ủy: Chủ trì ...": a colon ends the name.
  const colon = folded.indexOf(':', firstWord);
  const rest = folded.slice(firstWord, colon >= 0 ? colon : undefined);
  const verbs = new RegExp(VERB_RE.source, 'g');
  for (const m of rest.matchAll(verbs)) {
    const at = m.index + (/^[\s,]/.test(m[0]) ? 1 : 0);
    // "các tổ chức đoàn thể": after "các", "tổ chức" names organisations, not the task.
    if (/(?:^|\s)(?:cac|nhung|cua)\s*$/.test(rest.slice(0, at))) continue;
    if (original && /^\p{Lu}/u.test(original.slice(firstWord + at, firstWord + at + 1))) continue;
    return firstWord + m.index;
  }
  return firstWord + rest.length;
}

/**
 * Splits "Phòng Y tế và Trung tâm Y tế huyện" or "các cấp ủy trực thuộc huyện, các tổ chức chính trị - xã hội huyện"
 * into names, but keeps "Phòng Giáo dục và Đào tạo" and "các Phòng, ban, ngành, đoàn thể huyện" whole: a list splits
 * only where the next part starts with an agency's head word written as a name (capital, or "các").
 */
export function splitAgencies(text: string): string[] {
  const parts: string[] = [];
  let rest = text.trim().replace(/[,;:.]+$/, '');
  const sep = /(,\s*|\s+và\s+|\s+với\s+|;\s*)/gu;
  let cut = 0;
  for (const m of rest.matchAll(sep)) {
    const next = rest.slice(m.index + m[0].length);
    const foldedNext = fold(next);
    const named = /^\p{Lu}/u.test(next) || /^cac\s/.test(foldedNext);
    if (named && startsWithAgency(foldedNext)) {
      parts.push(rest.slice(cut, m.index));
      cut = m.index + m[0].length;
    }
  }
  parts.push(rest.slice(cut));
  rest = '';
  return parts.map((p) => p.trim().replace(/^(?:với|và)\s+/u, '').replace(/[,;:.]+$/, '').trim()).filter((p) => p.length > 1);
}

export type Kind = z.infer<typeof AgencyKind>;

/** The agency's kind from its name's head. */
export function kindOf(name: string): Kind {
  const f = fold(name);
  if (/^(?:uy ban nhan dan|ubnd)\s+(?:cac\s+)?(?:xa|phuong|thi tran)\b/.test(f)) return 'commune';
  if (/^(?:uy ban nhan dan|ubnd)\b/.test(f)) return 'people-committee';
  if (/^(?:ban thuong vu|thuong truc|tt)?\s*(?:huyen|tinh|thanh|dang) uy|^cap uy|^cac cap uy|^chi bo/.test(f)) return 'party-committee';
  if (/^(?:tt\s+)?(?:hdnd|hoi dong nhan dan)|^thuong truc hdnd/.test(f)) return 'council';
  if (/^(?:cac\s+)?so\b/.test(f)) return 'department';
  if (/^(?:cac\s+)?(?:phong|van phong|ban|cuc|chi cuc|tong cuc|bo)\b/.test(f)) return 'office';
  if (/^(?:trung tam|benh vien|truong|vien|dai|bao)\b/.test(f)) return 'unit';
  if (/mat tran|mttq|^hoi\b|doan\b|^lien doan|^cac (?:to chuc )?doan the|chinh tri - xa hoi/.test(f)) return 'mass-organisation';
  return 'other';
}

export type Level = 'trung-uong' | 'tinh' | 'huyen' | 'xa';

/** The administrative level a name states, or undefined when it states none ("thành phố" alone is either). */
export function levelOf(name: string): Level | undefined {
  const f = fold(name);
  if (/^(?:bo|thu tuong|chinh phu|van phong chinh phu|ban chi dao (?:trung uong|quoc gia))\b|trung uong/.test(f)) return 'trung-uong';
  const words: [RegExp, Level][] = [
    [/\b(?:tinh uy|thanh uy)\b/, 'tinh'],
    [/\b(?:huyen uy|quan uy|thi uy)\b/, 'huyen'],
    [/\b(?:dang uy xa|dang uy phuong)\b/, 'xa'],
    [/\bthi xa\b/, 'huyen'],
    [/\b(?:xa|phuong|thi tran|dac khu)\b(?!\s*hoi)/, 'xa'],
    [/\b(?:huyen|quan)\b/, 'huyen'],
    [/\btinh\b|\bthanh pho (?:ha noi|ho chi minh|hai phong|da nang|can tho|hue)\b/, 'tinh'],
  ];
  for (const [re, level] of words) if (re.test(f)) return level;
  // A body named after its province alone ("Ban điều hành ... Hà Nam") works at the province's level.
  return PROVINCES.some((p) => f.endsWith(` ${p}`)) ? 'tinh' : undefined;
}

/** Province-level units (before and after the 2025 mergers), folded. */
const PROVINCES = [
  'an giang', 'ba ria - vung tau', 'bac giang', 'bac kan', 'bac lieu', 'bac ninh', 'ben tre', 'binh dinh', 'binh duong', 'binh phuoc',
  'binh thuan', 'ca mau', 'can tho', 'cao bang', 'da nang', 'dak lak', 'dak nong', 'dien bien', 'dong nai', 'dong thap', 'gia lai',
  'ha giang', 'ha nam', 'ha noi', 'ha tinh', 'hai duong', 'hai phong', 'hau giang', 'hoa binh', 'hung yen', 'khanh hoa', 'kien giang',
  'kon tum', 'lai chau', 'lam dong', 'lang son', 'lao cai', 'long an', 'nam dinh', 'nghe an', 'ninh binh', 'ninh thuan', 'phu tho',
  'phu yen', 'quang binh', 'quang nam', 'quang ngai', 'quang ninh', 'quang tri', 'soc trang', 'son la', 'tay ninh', 'thai binh',
  'thai nguyen', 'thanh hoa', 'thua thien hue', 'hue', 'tien giang', 'tra vinh', 'tuyen quang', 'vinh long', 'vinh phuc', 'yen bai',
  'ho chi minh',
];
