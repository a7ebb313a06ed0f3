// The days off the government actually announced for civil servants (5-day week), which override the computed
// holidays occasion by occasion. A break lists every day of it, weekends included; `workingDays` are the
// Saturdays worked in exchange (làm bù). Years and occasions missing here fall back to holidays.ts's computation.
import type { CivilDate } from './civil-date';

export type Occasion = 'tet-duong-lich' | 'tet-am-lich' | 'gio-to' | 'chien-thang-lao-dong' | 'quoc-khanh';

export interface OfficialBreak {
  /** The occasions this break replaces in the computation (2023 joined Giỗ Tổ with 30/4 and 1/5). */
  occasions: Occasion[];
  from: CivilDate;
  to: CivilDate;
  workingDays?: CivilDate[];
  source: string;
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
    // Thông báo 9441 fixed Tết and Quốc khánh; only Tết's exact days could be confirmed here, so the other
    // occasions of 2026 use the computed Labour Code days until someone adds them.
    { occasions: ['tet-am-lich'], from: '2026-02-14', to: '2026-02-22', source: 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ' },
  ],
};
