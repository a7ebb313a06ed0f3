// The days off the government actually announced for civil servants (5-day week), which override the computed
// holidays occasion by occasion. A break lists every day of it, weekends included; `workingDays` are the
// Saturdays worked in exchange (làm bù). Years and occasions missing here fall back to holidays.ts's computation
// and are provisional (dự kiến). This table is what planflow ships with; decisions announced later are data that an
// administrator adds (`planflow calendar official add`), which reach workflows through their inputs and a signal.
import { z } from 'zod';

export const Occasion = z.enum(['tet-duong-lich', 'tet-am-lich', 'gio-to', 'chien-thang-lao-dong', 'quoc-khanh']);
export type Occasion = z.infer<typeof Occasion>;

const Day = z.iso.date().refine((d) => d >= '1990-01-01' && d <= '2100-12-31', 'ngày phải trong khoảng 1990–2100');

/** One announced break: its days off (weekends included) and the Saturdays worked in exchange, with its source. */
export const OfficialBreak = z
  .strictObject({
    /** The occasions this break replaces in the computation (2023 joined Giỗ Tổ with 30/4 and 1/5). */
    occasions: z.array(Occasion).min(1).max(5),
    from: Day,
    to: Day,
    workingDays: z.array(Day).max(5).optional(),
    /** The document that announced it: "Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ". */
    source: z.string().trim().min(3).max(300),
  })
  .refine((b) => b.from <= b.to, { message: 'ngày bắt đầu nghỉ phải trước hoặc trùng ngày kết thúc', path: ['to'] })
  .refine((b) => b.to.slice(0, 4) === b.from.slice(0, 4) || b.occasions.includes('tet-duong-lich'), {
    message: 'một đợt nghỉ chỉ vắt sang năm khác khi là Tết Dương lịch',
    path: ['to'],
  })
  .refine((b) => Number(b.to.slice(0, 4)) - Number(b.from.slice(0, 4)) <= 1 && dayCount(b.from, b.to) <= 14, {
    message: 'một đợt nghỉ dài tối đa 14 ngày',
    path: ['to'],
  });
export type OfficialBreak = z.infer<typeof OfficialBreak>;

function dayCount(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
}

const MOLISA = 'Thông báo của Bộ Lao động - Thương binh và Xã hội về lịch nghỉ lễ, Tết năm';

export const OFFICIAL_DAYS_OFF: Record<number, OfficialBreak[]> = {
  2019: [
    { occasions: ['tet-duong-lich'], from: '2018-12-29', to: '2019-01-01', workingDays: ['2019-01-05'], source: `${MOLISA} 2019` },
    { occasions: ['tet-am-lich'], from: '2019-02-02', to: '2019-02-10', source: `${MOLISA} 2019` },
    { occasions: ['gio-to'], from: '2019-04-13', to: '2019-04-15', source: `${MOLISA} 2019 (10/3 âm lịch vào Chủ nhật, nghỉ bù thứ Hai)` },
    { occasions: ['chien-thang-lao-dong'], from: '2019-04-27', to: '2019-05-01', workingDays: ['2019-05-04'], source: `${MOLISA} 2019` },
    { occasions: ['quoc-khanh'], from: '2019-08-31', to: '2019-09-02', source: `${MOLISA} 2019 (Bộ luật Lao động 2012: 1 ngày)` },
  ],
  2020: [
    { occasions: ['tet-duong-lich'], from: '2020-01-01', to: '2020-01-01', source: `${MOLISA} 2020` },
    { occasions: ['tet-am-lich'], from: '2020-01-23', to: '2020-01-29', source: `${MOLISA} 2020` },
    { occasions: ['gio-to'], from: '2020-04-02', to: '2020-04-02', source: `${MOLISA} 2020` },
    { occasions: ['chien-thang-lao-dong'], from: '2020-04-30', to: '2020-05-03', source: `${MOLISA} 2020` },
    { occasions: ['quoc-khanh'], from: '2020-09-02', to: '2020-09-02', source: `${MOLISA} 2020 (Bộ luật Lao động 2012: 1 ngày)` },
  ],
  2021: [
    { occasions: ['tet-duong-lich'], from: '2021-01-01', to: '2021-01-03', source: `${MOLISA} 2021` },
    { occasions: ['tet-am-lich'], from: '2021-02-10', to: '2021-02-16', source: `${MOLISA} 2021` },
    { occasions: ['gio-to'], from: '2021-04-21', to: '2021-04-21', source: `${MOLISA} 2021` },
    { occasions: ['chien-thang-lao-dong'], from: '2021-04-30', to: '2021-05-03', source: `${MOLISA} 2021 (1/5 vào thứ Bảy, nghỉ bù thứ Hai 3/5)` },
    { occasions: ['quoc-khanh'], from: '2021-09-02', to: '2021-09-05', source: `${MOLISA} 2021 (Bộ luật Lao động 2019: 2/9 và 3/9)` },
  ],
  2022: [
    { occasions: ['tet-duong-lich'], from: '2022-01-01', to: '2022-01-03', source: `${MOLISA} 2022` },
    { occasions: ['tet-am-lich'], from: '2022-01-29', to: '2022-02-06', source: `${MOLISA} 2022` },
    { occasions: ['gio-to'], from: '2022-04-09', to: '2022-04-11', source: `${MOLISA} 2022 (10/3 âm lịch vào Chủ nhật, nghỉ bù thứ Hai)` },
    { occasions: ['chien-thang-lao-dong'], from: '2022-04-30', to: '2022-05-03', source: `${MOLISA} 2022` },
    { occasions: ['quoc-khanh'], from: '2022-09-01', to: '2022-09-04', source: `${MOLISA} 2022` },
  ],
  2023: [
    { occasions: ['tet-duong-lich'], from: '2022-12-31', to: '2023-01-02', source: `${MOLISA} 2023` },
    { occasions: ['tet-am-lich'], from: '2023-01-20', to: '2023-01-26', source: `${MOLISA} 2023` },
    { occasions: ['gio-to', 'chien-thang-lao-dong'], from: '2023-04-29', to: '2023-05-03', source: `${MOLISA} 2023 (Giỗ Tổ vào thứ Bảy, 30/4 vào Chủ nhật: nghỉ bù 2/5 và 3/5)` },
    { occasions: ['quoc-khanh'], from: '2023-09-01', to: '2023-09-04', source: `${MOLISA} 2023` },
  ],
  2024: [
    { occasions: ['tet-duong-lich'], from: '2024-01-01', to: '2024-01-01', source: `${MOLISA} 2024` },
    { occasions: ['tet-am-lich'], from: '2024-02-08', to: '2024-02-14', source: `${MOLISA} 2024` },
    { occasions: ['gio-to'], from: '2024-04-18', to: '2024-04-18', source: `${MOLISA} 2024` },
    { occasions: ['chien-thang-lao-dong'], from: '2024-04-27', to: '2024-05-01', workingDays: ['2024-05-04'], source: 'Công văn 2450/VPCP-KGVX ngày 12/4/2024 của Văn phòng Chính phủ (hoán đổi thứ Hai 29/4 với thứ Bảy 4/5)' },
    { occasions: ['quoc-khanh'], from: '2024-08-31', to: '2024-09-03', source: `${MOLISA} 2024` },
  ],
  2025: [
    { occasions: ['tet-duong-lich'], from: '2025-01-01', to: '2025-01-01', source: 'Thông báo 6150/TB-BLĐTBXH năm 2024 (theo Công văn 8726/VPCP-KGVX)' },
    { occasions: ['tet-am-lich'], from: '2025-01-25', to: '2025-02-02', source: 'Thông báo 6150/TB-BLĐTBXH năm 2024 (theo Công văn 8726/VPCP-KGVX)' },
    { occasions: ['gio-to'], from: '2025-04-07', to: '2025-04-07', source: 'Thông báo 6150/TB-BLĐTBXH năm 2024' },
    { occasions: ['chien-thang-lao-dong'], from: '2025-04-30', to: '2025-05-04', workingDays: ['2025-04-26'], source: 'Thông báo 6150/TB-BLĐTBXH năm 2024 (hoán đổi thứ Sáu 2/5 với thứ Bảy 26/4)' },
    { occasions: ['quoc-khanh'], from: '2025-08-30', to: '2025-09-02', source: 'Thông báo 6150/TB-BLĐTBXH năm 2024' },
  ],
  2026: [
    { occasions: ['tet-duong-lich'], from: '2026-01-01', to: '2026-01-02', workingDays: ['2026-01-10'], source: 'Công văn 12729/VPCP-KGVX của Văn phòng Chính phủ (nghỉ thứ Sáu 2/1, làm bù thứ Bảy 10/1/2026)' },
    { occasions: ['tet-am-lich'], from: '2026-02-14', to: '2026-02-22', source: 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ' },
    { occasions: ['quoc-khanh'], from: '2026-08-29', to: '2026-09-02', workingDays: ['2026-08-22'], source: 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ (nghỉ thứ Hai 31/8, làm bù thứ Bảy 22/8/2026)' },
  ],
};
