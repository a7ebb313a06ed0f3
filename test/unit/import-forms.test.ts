// The importer on the forms the issue lists, in short texts written the way plans and news items write them:
// numbers and symbols, dates (partial ones flagged), deadlines of every kind, chủ trì / phối hợp only where
// stated, "qua" in a reporting chain, the signature block and Nơi nhận; and what it must never take for a fact.
import { parse } from 'yaml';
import { importPlanText, type ImportOutcome } from '../../model/import';
import { draftYaml } from '../../model/import/yaml-draft';

const FULL_TEXT = `ỦY BAN NHÂN DÂN
XÃ TÂN HƯNG
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 44/KH-UBND
Tân Hưng, ngày 07 tháng 6 năm 2019

KẾ HOẠCH
Triển khai công tác phòng, chống dịch bệnh trên địa bàn xã năm 2019

Thực hiện Kế hoạch số 28/KH-UBND ngày 08/3/2019 của UBND huyện Đông Sơn về phòng, chống dịch bệnh năm 2019; Ủy ban nhân dân xã ban hành Kế hoạch như sau:

I. MỤC TIÊU
Phấn đấu đến năm 2020 có 95% hộ gia đình được tuyên truyền; 100% thôn có tổ phòng dịch.

II. TỔ CHỨC THỰC HIỆN
1. Công chức Văn hóa - Xã hội
- Chủ trì, phối hợp với Trạm Y tế xã và Đoàn Thanh niên xã tổ chức tuyên truyền, hoàn thành trước ngày 30/6/2019.
- Tổng hợp báo cáo kết quả gửi về UBND xã trước ngày 30 tháng 12 hàng năm.
2. Trưởng các thôn
- Rà soát hộ gia đình, báo cáo kết quả về Công chức Văn hóa - Xã hội chậm nhất ngày 14/5/2019.
3. Trạm Y tế xã chủ trì giám sát dịch bệnh, hoàn thành trong tháng 12/2019.
4. Công an xã
- Giữ gìn an ninh trật tự tại các điểm cách ly.

III. CHẾ ĐỘ BÁO CÁO
Các thôn báo cáo kết quả gửi UBND xã qua Công chức Văn hóa - Xã hội trước 25-10 hằng năm.

Trên đây là Kế hoạch phòng, chống dịch bệnh năm 2019 của UBND xã Tân Hưng./.

Nơi nhận:
- UBND huyện (b/c);
- TT Đảng ủy, HĐND xã;
- Các thôn;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH



Lê Văn Minh
`;

const NEWS = `Thứ Hai, 12/04/2021 - 09:15
Ban Chỉ đạo tổng kết Kế hoạch 44/KH-BCĐ
Ngày đăng: 12/04/2021
Ngày 5/4/2021, Ban Chỉ đạo các chương trình mục tiêu quốc gia huyện Mường Chà đã ban hành Kế hoạch 44/KH-BCĐ về kiểm tra, giám sát thực hiện các chương trình mục tiêu quốc gia năm 2021.
Ảnh: Nguyễn Văn Hùng
Theo kế hoạch, Ban Chỉ đạo giao Phòng Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Phòng Tài chính - Kế hoạch kiểm tra tại các xã trong tháng 5/2021. UBND các xã báo cáo kết quả gửi về Ban Chỉ đạo (qua Phòng Nông nghiệp và Phát triển nông thôn) trước ngày 20/5/2021.
Phấn đấu đến năm 2025 có 50% số xã đạt chuẩn nông thôn mới.
Minh Anh
Tin liên quan
- Huyện Mường Chà tổ chức hội nghị tổng kết năm 2020
`;

const agencyName = (r: ImportOutcome, id: string | undefined) => r.plan.agencies.find((a) => a.id === id)?.name;
const clauseOf = (r: ImportOutcome, start: string) => {
  const clause = r.plan.clauses?.find((c) => c.text.startsWith(start));
  if (!clause) throw new Error(`no clause starting "${start}"`);
  return clause;
};

describe('a commune plan in full', () => {
  const r = importPlanText(FULL_TEXT);
  const doc = r.plan.document;

  test('header: issuer and level, number and symbol, place and date in words, title, period', () => {
    expect(agencyName(r, doc.issuer)).toBe('Ủy ban nhân dân xã Tân Hưng');
    expect(r.facts.issuerLevel).toBe('xa');
    expect([doc.number, doc.symbol, doc.place, doc.issuedOn]).toEqual([44, 'KH-UBND', 'Tân Hưng', '2019-06-07']);
    expect(doc.title).toBe('Triển khai công tác phòng, chống dịch bệnh trên địa bàn xã năm 2019');
    expect(doc.period).toEqual({ from: 2019, to: 2019 });
    expect(r.provenance['document.issuedOn']).toBe('Tân Hưng, ngày 07 tháng 6 năm 2019');
  });

  test('the plan it implements, with number, date, issuer and title', () => {
    expect(doc.implements).toEqual([
      { kind: 'ke-hoach', number: '28/KH-UBND', issuedOn: '2019-03-08', issuer: 'UBND huyện Đông Sơn', title: 'phòng, chống dịch bệnh năm 2019' },
    ]);
  });

  test('dated targets of the objectives', () => {
    expect(r.plan.indicators?.map((i) => i.targets)).toEqual([[{ by: '2020-12-31', value: 95 }], [{ by: '2020-12-31', value: 100 }]]);
  });

  test('chủ trì and phối hợp where written; the issuer follows a clause that names no lead, and says so', () => {
    const lead = clauseOf(r, 'Chủ trì, phối hợp');
    expect(agencyName(r, lead.lead)).toBe('Công chức Văn hóa - Xã hội');
    expect(lead.coordinators?.map((id) => agencyName(r, id))).toEqual(['Trạm Y tế xã', 'Đoàn Thanh niên xã']);
    expect(agencyName(r, clauseOf(r, '3. Trạm Y tế xã').lead)).toBe('Trạm Y tế xã');
    const security = clauseOf(r, 'Giữ gìn');
    expect(security.lead).toBe(doc.issuer);
    expect(security.coordinators).toEqual([]);
    const index = r.plan.clauses?.indexOf(security);
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'default-lead', path: `clauses[${index}].lead` }));
    expect(r.facts.statedLeads).toEqual(['Công chức Văn hóa - Xã hội', 'Trạm Y tế xã']);
  });

  test('deadlines: trước ngày, chậm nhất ngày, trong tháng, yearly in words, "trước 25-10 hằng năm"', () => {
    expect(clauseOf(r, 'Chủ trì, phối hợp').deadline).toEqual({ kind: 'date', date: '2019-06-30', wording: 'before' });
    expect(clauseOf(r, 'Rà soát').deadline).toEqual({ kind: 'date', date: '2019-05-14', wording: 'by' });
    expect(clauseOf(r, '3. Trạm Y tế xã').deadline).toEqual({ kind: 'date', date: '2019-12-31', wording: 'by' });
    expect(clauseOf(r, 'Tổng hợp báo cáo').deadline).toEqual({ kind: 'recurring', every: 'year', on: '12-29' });
    expect(r.plan.reporting?.submissions?.find((s) => s.text?.startsWith('Các thôn'))?.deadline).toEqual({ kind: 'recurring', every: 'year', on: '10-24' });
  });

  test('a report sent "qua" an office goes to that office, which consolidates for the addressee', () => {
    const link = r.facts.reports.find((l) => l.via);
    expect(link).toMatchObject({ from: ['Các thôn'], to: 'UBND xã', via: 'Công chức Văn hóa - Xã hội' });
    const submission = r.plan.reporting?.submissions?.find((s) => s.text?.startsWith('Các thôn'));
    expect(agencyName(r, submission?.to)).toBe('Công chức Văn hóa - Xã hội');
    const consolidation = r.plan.reporting?.consolidations?.find((c) => c.by === submission?.to);
    expect(consolidation?.to).toEqual([doc.issuer]);
    expect(consolidation?.of).toContain(submission?.id);
  });

  test('signature block (TM. / KT. / title / name) and every line of Nơi nhận', () => {
    expect(r.plan.signatory).toEqual({ person: 'le-van-minh', capacity: 'KT', onBehalfOf: 'CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' });
    expect(r.plan.people).toEqual([{ id: 'le-van-minh', name: 'Lê Văn Minh', title: 'PHÓ CHỦ TỊCH', agency: doc.issuer }]);
    expect(r.plan.recipients?.map((x) => [x.text, x.archive])).toEqual([
      ['UBND huyện (b/c);', false], ['TT Đảng ủy, HĐND xã;', false], ['Các thôn;', false], ['Lưu: VT.', true],
    ]);
    expect(r.facts).toMatchObject({ sourceKind: 'full-text', truncated: false });
  });

  test('missing: no email is ever in a text, so every agency and person is listed', () => {
    expect(r.missing).toEqual(expect.arrayContaining([...r.plan.agencies.map((_, i) => `agencies[${i}].emails`), 'people[0].email']));
    expect(r.missing).not.toContain('document.number');
  });
});

describe('a news item', () => {
  const r = importPlanText(NEWS);
  const doc = r.plan.document;

  test('"Kế hoạch 44/KH-BCĐ" of a Ban Chỉ đạo, dated by its issue sentence, not by the page or posting date', () => {
    expect([doc.number, doc.symbol, doc.issuedOn]).toEqual([44, 'KH-BCĐ', '2021-04-05']);
    expect(agencyName(r, doc.issuer)).toBe('Ban Chỉ đạo các chương trình mục tiêu quốc gia huyện Mường Chà');
    expect(doc.title).toBe('kiểm tra, giám sát thực hiện các chương trình mục tiêu quốc gia năm 2021');
  });

  test('no Nơi nhận and no signatory: the byline and the photo credit are nobody\'s signature', () => {
    expect(r.plan.recipients).toEqual([]);
    expect(r.plan.signatory).toBeUndefined();
    expect(r.plan.people).toEqual([]);
    expect(JSON.stringify(r.plan)).not.toMatch(/Minh Anh|Nguyễn Văn Hùng/u);
    expect(r.facts.sourceKind).toBe('news-article');
    expect(r.warnings.map((w) => w.code)).toContain('news-article');
    expect(r.missing).toContain('signatory');
  });

  test('the related-news list after the byline assigns nothing', () => {
    expect(r.plan.clauses?.some((c) => c.text.includes('hội nghị tổng kết'))).toBe(false);
    expect(r.plan.clauses?.some((c) => c.text.includes('tổng kết Kế hoạch'))).toBe(false);
  });

  test('"qua" in a news item, and chủ trì / phối hợp', () => {
    expect(r.facts.reports).toContainEqual(expect.objectContaining({ to: 'Ban Chỉ đạo', via: 'Phòng Nông nghiệp và Phát triển nông thôn', deadline: '2021-05-20' }));
    const clause = clauseOf(r, 'Theo kế hoạch');
    expect(agencyName(r, clause.lead)).toBe('Phòng Nông nghiệp và Phát triển nông thôn');
    expect(clause.coordinators?.map((id) => agencyName(r, id))).toEqual(['Phòng Tài chính - Kế hoạch']);
    expect(clause.deadline).toEqual({ kind: 'date', date: '2021-05-31', wording: 'by' });
  });
});

describe('never invents', () => {
  test('a day and month without a year stays partial and is flagged; no year is borrowed from the page', () => {
    const r = importPlanText('Đăng ngày 04/6/2024\nNhằm tăng cường công tác trẻ em, ngày 29/5, Ban Thường vụ Huyện ủy đã ban hành kế hoạch số 211/KH-HU về việc thực hiện Chỉ thị số 28-CT/TW.\nHồng Yến');
    expect(r.plan.document.issuedOn).toBeUndefined();
    expect(r.facts.partialIssueDate).toBe('29/5');
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'partial-date', path: 'document.issuedOn' }));
    expect(r.missing).toContain('document.issuedOn');
  });

  test('a deadline with a day and month but no year and no "hằng năm" is flagged, not completed', () => {
    const r = importPlanText('Ngày 02/3/2022, UBND tỉnh đã ban hành Kế hoạch số 12/KH-UBND về việc kiểm tra. Giao Sở Nội vụ chủ trì, hoàn thành trước ngày 15/6.');
    const clause = r.plan.clauses?.[0];
    expect(clause?.deadline).toBeUndefined();
    expect(r.warnings.map((w) => w.code)).toContain('deadline-no-year');
  });

  test('"từ ngày ... đến ngày ..." is the period reported on, not a deadline', () => {
    const r = importPlanText('Ủy ban nhân dân tỉnh vừa ban hành Công văn số 19/UBND-VX yêu cầu UBND các huyện báo cáo kết quả từ ngày 01/01/2020 đến ngày 24/4/2020.');
    expect(r.plan.clauses?.[0]?.deadline).toBeUndefined();
  });

  test('a website\'s "Người ký" is reported, not taken as the signature block', () => {
    const r = importPlanText('Số hiệu: 155/KH-UBND Người ký: Nguyễn Tiến Nhường\nỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 155/KH-UBND\nBắc Ninh, ngày 26 tháng 5 năm 2017\nKẾ HOẠCH\nTRIỂN KHAI CHƯƠNG TRÌNH\nI. MỤC TIÊU\n1. Mục tiêu tổng quát\n- Bảo đảm các sự kiện hộ tịch được đăng ký, tập trung vào tỷ l');
    expect(r.plan.signatory).toBeUndefined();
    expect(r.facts.metadataSigner).toBe('Nguyễn Tiến Nhường');
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['metadata-signer', 'truncated']));
    expect(r.facts.truncated).toBe(true);
  });

  test('every provenance quotes the text', () => {
    for (const text of [FULL_TEXT, NEWS]) {
      const flat = text.replace(/\s+/g, ' ');
      for (const quoted of Object.values(importPlanText(text).provenance)) expect(flat).toContain(quoted.replace(/…$/u, ''));
    }
  });
});

test('the draft YAML carries each source span as a comment and reads back as the same plan', () => {
  const r = importPlanText(FULL_TEXT);
  const yaml = draftYaml(r);
  expect(yaml).toContain('issuedOn: 2019-06-07 # «Tân Hưng, ngày 07 tháng 6 năm 2019»');
  expect(yaml).toMatch(/^# Cần bổ sung trước khi khởi chạy: .*địa chỉ email/mu);
  expect(parse(yaml)).toEqual(JSON.parse(JSON.stringify(r.plan)));
});

describe('a provincial Party committee\'s plan', () => {
  const PARTY = `TỈNH ỦY BẮC GIANG
*
Số 123-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Bắc Giang, ngày 10 tháng 3 năm 2023

KẾ HOẠCH
thực hiện Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5 khóa XIII
-----

Thực hiện Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch thực hiện như sau:

I. MỤC TIÊU
Đến năm 2025: 100% tổ chức cơ sở đảng được kiện toàn; trên 80% đảng viên được bồi dưỡng.

II. TỔ CHỨC THỰC HIỆN
1. Ban Tổ chức Tỉnh ủy: Chủ trì, phối hợp với Ủy ban Kiểm tra Tỉnh ủy, Văn phòng Tỉnh ủy hướng dẫn, theo dõi việc thực hiện Kế hoạch; định kỳ hằng năm tổng hợp báo cáo Ban Thường vụ Tỉnh ủy trước ngày 15/12.
2. Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy: Xây dựng kế hoạch thực hiện, hoàn thành trong tháng 4/2023; báo cáo kết quả về Ban Thường vụ Tỉnh ủy (qua Ban Tổ chức Tỉnh ủy) trước ngày 30/11 hằng năm.

Nơi nhận:
- Ban Tổ chức Trung ương,
- Các đồng chí Tỉnh ủy viên,
- Lưu Văn phòng Tỉnh ủy.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC


Nguyễn Thị Hương
`;
  const r = importPlanText(PARTY);

  test('"Số 123-KH/TU", a lower-case title under "KẾ HOẠCH", the header date, and "T/M BAN THƯỜNG VỤ"', () => {
    expect([r.plan.document.number, r.plan.document.symbol, r.plan.document.issuedOn]).toEqual([123, 'KH/TU', '2023-03-10']);
    expect(r.plan.document.title).toBe('thực hiện Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5 khóa XIII');
    expect(agencyName(r, r.plan.document.issuer)).toBe('Tỉnh ủy Bắc Giang');
    expect(r.facts.issuerLevel).toBe('tinh');
    expect(r.plan.signatory).toEqual({ person: 'nguyen-thi-huong', capacity: 'TM', onBehalfOf: 'BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ THƯỜNG TRỰC' });
  });

  test('names whose words look like tasks ("Ban Tổ chức", "Ủy ban Kiểm tra") stay whole; the clauses stop at Nơi nhận', () => {
    const first = clauseOf(r, '1. Ban Tổ chức');
    expect(agencyName(r, first.lead)).toBe('Ban Tổ chức Tỉnh ủy');
    expect(first.coordinators?.map((id) => agencyName(r, id))).toEqual(['Ủy ban Kiểm tra Tỉnh ủy', 'Văn phòng Tỉnh ủy']);
    expect(r.plan.clauses?.some((c) => /Nơi nhận|Nguyễn Thị Hương/u.test(c.text))).toBe(false);
  });

  test('"định kỳ hằng năm ... trước ngày 15/12" recurs; the Ban Thường vụ is the issuer, reached "qua" its Ban Tổ chức', () => {
    const consolidation = r.plan.reporting?.consolidations?.[0];
    expect(consolidation?.deadline).toEqual({ kind: 'recurring', every: 'year', on: '12-14' });
    expect(consolidation?.to).toEqual([r.plan.document.issuer]);
    expect(r.facts.reports).toContainEqual(expect.objectContaining({ to: 'Ban Thường vụ Tỉnh ủy', via: 'Ban Tổ chức Tỉnh ủy', deadline: '11-29' }));
  });
});

test('counts a news item states without listing ("4 mục tiêu với 24 chỉ tiêu") are kept; that sentence is no objective', () => {
  const r = importPlanText('Ngày 05/3/2024, UBND tỉnh ban hành Kế hoạch số 749/KH-UBND về triển khai Chương trình hành động vì trẻ em năm 2024.\nKế hoạch đưa ra 4 mục tiêu với 24 chỉ tiêu cụ thể để thực hiện.\nĐể đạt được các mục tiêu đã đề ra, Kế hoạch nêu các nhiệm vụ, giải pháp.');
  expect(r.plan.declaredCounts).toEqual({ objectives: 4, indicators: 24 });
  expect(r.plan.objectives).toEqual([]);
  expect(r.provenance.declaredCounts).toBe('4 mục tiêu với 24 chỉ tiêu');
});

test('an unnumbered draft: "Số: /KH-UBND" gives the symbol only, a blank date gives none, "do X chủ trì", a name in capitals', () => {
  const r = importPlanText('ỦY BAN NHÂN DÂN\nHUYỆN ĐÔNG SƠN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố:      /KH-UBND\nĐông Sơn, ngày    tháng    năm 2024\nKẾ HOẠCH\nPhòng chống thiên tai năm 2024\nI. TỔ CHỨC THỰC HIỆN\n1. Việc kiểm tra do Phòng Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Công an huyện thực hiện.\nTrên đây là Kế hoạch./.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nNGUYỄN VĂN AN');
  expect([r.plan.document.number, r.plan.document.symbol, r.plan.document.issuedOn]).toEqual([undefined, 'KH-UBND', undefined]);
  expect(r.missing).toEqual(expect.arrayContaining(['document.number', 'document.issuedOn']));
  expect(r.plan.clauses?.map((c) => [agencyName(r, c.lead), c.coordinators?.map((id) => agencyName(r, id))])).toEqual([
    ['Phòng Nông nghiệp và Phát triển nông thôn', ['Công an huyện']],
  ]);
  expect(r.plan.people?.[0]?.name).toBe('NGUYỄN VĂN AN');
  expect(r.plan.recipients?.map((x) => x.to)).toEqual([[], []]);
});
