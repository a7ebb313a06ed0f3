// Whatever text a coordinator pastes, the importer answers: it never throws, every provenance quotes the text,
// and a date it reports is a real date. Property tests over fragments of real plan wording in random order.
import fc from 'fast-check';
import { importPlanText } from '../../model/import';

const FRAGMENTS = [
  'ỦY BAN NHÂN DÂN', 'TỈNH BẮC NINH', 'Số: 155/KH-UBND', 'Bắc Ninh, ngày 26 tháng 5 năm 2017', 'KẾ HOẠCH', 'Ngày 29/5,',
  'UBND huyện đã ban hành Kế hoạch số 292/KH-UBND về việc', 'giao Phòng Y tế chủ trì, phối hợp với', 'UBND các xã', 'trước ngày 31/02/2021',
  'chậm nhất ngày 14/5/2021', 'trong tháng 13/2025', 'trước 25-10 hằng năm', '70%', 'đến năm 2020', 'Nơi nhận:', '- Lưu: VT.',
  'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Triệu Đức Dũng', 'báo cáo gửi về Sở Y tế (qua Phòng Y tế)', '\\r\\n', '|', './.', 'I. MỤC TIÊU',
  'II. TỔ CHỨC THỰC HIỆN', '1. Sở Y tế', '- Chủ trì', ';', '.', '\n', ' ', 'Tác giả: Hồng Yến', 'giai đoạn 2025 - 2019',
];

const text = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })), { maxLength: 60 }).map((parts) => parts.join(' '));

test('never throws; provenance quotes the text; dates are real; a period never runs backwards', () => {
  fc.assert(
    fc.property(text, (raw) => {
      const r = importPlanText(raw);
      const flat = raw.replace(/\\r\\n|\\n|\\r/g, ' ').replace(/\|/g, ' ').replace(/\*\*/g, '').replace(/\s+/g, ' ');
      for (const quoted of Object.values(r.provenance)) expect(flat.replace(/\s+/g, ' ')).toContain(quoted.replace(/…$/u, '').replace(/\s+/g, ' ').trim());
      const issued = r.plan.document.issuedOn;
      if (issued) expect(new Date(`${issued}T00:00:00Z`).toISOString().slice(0, 10)).toBe(issued);
      const period = r.plan.document.period;
      if (period) expect(period.from).toBeLessThanOrEqual(period.to);
      if (r.facts.sourceKind === 'news-article') expect(r.plan.recipients).toEqual([]);
    }),
    { numRuns: 300, seed: 20261125 },
  );
});

test('an empty text gives an empty draft that says what is missing', () => {
  const r = importPlanText('');
  expect(r.plan.agencies).toEqual([]);
  expect(r.missing).toEqual(expect.arrayContaining(['document.issuer', 'document.title', 'clauses']));
  expect(r.warnings.map((w) => w.code)).toContain('no-issuer');
});
