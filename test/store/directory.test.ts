// The directory: effective-dated agencies and people, addresses matched case-insensitively, and the successors the
// 2025 reform named (a district office's work passes to a provincial department; merged communes to the new one).
import type { Db } from '../../store/db';
import { createDirectory, type Directory } from '../../store/directory';
import { describeOnBothBackends } from './backends';

const REFORM = '2025-07-01';

async function seed(directory: Directory): Promise<void> {
  await directory.putAgency({ id: 'phong-ldtbxh', name: 'Phòng Lao động - Thương binh và Xã hội huyện Văn Quan', kind: 'office', emails: ['ldtbxh@vanquan.gov.vn'], validFrom: '2015-01-01', validTo: REFORM, successor: 'so-y-te' });
  await directory.putAgency({ id: 'so-y-te', name: 'Sở Y tế tỉnh Lạng Sơn', kind: 'department', emails: ['soyte@langson.gov.vn'], validFrom: '2000-01-01' });
  await directory.putAgency({ id: 'xa-tan-doan', name: 'UBND xã Tân Đoàn', kind: 'commune', emails: ['tandoan@langson.gov.vn'], validFrom: '2000-01-01', validTo: REFORM, successor: 'xa-van-quan' });
  await directory.putAgency({ id: 'xa-van-quan', name: 'UBND xã Văn Quan', kind: 'commune', emails: ['vanquan@langson.gov.vn'], validFrom: REFORM });
  await directory.putPerson({ id: 'chu-tich-xa-tan-doan', name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND xã', agency: 'xa-tan-doan', email: 'Minh.HV@LangSon.gov.vn', validFrom: '2021-01-01', validTo: REFORM, successor: 'chu-tich-xa-van-quan' });
  await directory.putPerson({ id: 'chu-tich-xa-van-quan', name: 'Lý Thị Hoa', title: 'Chủ tịch UBND xã', agency: 'xa-van-quan', email: 'hoa.lt@langson.gov.vn', roles: ['official', 'leader'], validFrom: REFORM });
}

describeOnBothBackends('directory', (backend) => {
  let db: Db;
  let directory: Directory;
  beforeAll(async () => {
    db = await backend.open();
    directory = createDirectory(db);
    await seed(directory);
  });

  it('gives each agency and person as it was on a date', async () => {
    expect((await directory.agency('xa-tan-doan', '2024-05-01'))?.name).toBe('UBND xã Tân Đoàn');
    expect(await directory.agency('xa-tan-doan', REFORM)).toBeUndefined(); // valid_to is exclusive
    expect((await directory.person('chu-tich-xa-van-quan', '2026-01-10'))?.roles).toEqual(['official', 'leader']);
    expect(await directory.person('chu-tich-xa-van-quan', '2025-06-30')).toBeUndefined();
  });

  it('finds a person by address whatever its case, only while the address is theirs', async () => {
    expect((await directory.personByEmail('minh.hv@langson.gov.vn', '2024-01-01'))?.id).toBe('chu-tich-xa-tan-doan');
    expect(await directory.personByEmail('minh.hv@langson.gov.vn', '2026-01-01')).toBeUndefined();
    expect(await directory.personByEmail('nobody@langson.gov.vn', '2024-01-01')).toBeUndefined();
  });

  it('passes an abolished office’s and a merged commune’s work to their successors', async () => {
    expect(await directory.holderOf('phong-ldtbxh', '2026-03-01')).toMatchObject({ agency: { id: 'so-y-te' }, via: ['phong-ldtbxh'] });
    expect(await directory.holderOf('xa-tan-doan', '2026-03-01')).toMatchObject({ agency: { id: 'xa-van-quan' }, via: ['xa-tan-doan'] });
    expect(await directory.holderOf('xa-tan-doan', '2024-03-01')).toMatchObject({ agency: { id: 'xa-tan-doan' }, via: [] });
    expect(await directory.holderOf('khong-co', '2026-03-01')).toBeUndefined();
  });

  it('refuses a successor loop instead of walking it forever', async () => {
    await directory.putAgency({ id: 'vong-a', name: 'A', kind: 'other', emails: ['a@x.vn'], validFrom: '2000-01-01', validTo: '2001-01-01', successor: 'vong-b' });
    await directory.putAgency({ id: 'vong-b', name: 'B', kind: 'other', emails: ['b@x.vn'], validFrom: '2000-01-01', validTo: '2001-01-01', successor: 'vong-a' });
    await expect(directory.holderOf('vong-a', '2026-01-01')).rejects.toThrow(/vòng lặp/);
  });

  it('lists an agency’s people and replaces a version in place', async () => {
    await directory.putPerson({ id: 'chu-tich-xa-van-quan', name: 'Lý Thị Hoa', title: 'Chủ tịch UBND xã Văn Quan', agency: 'xa-van-quan', email: 'hoa.lt@langson.gov.vn', validFrom: REFORM });
    const people = await directory.peopleOf('xa-van-quan', '2026-01-01');
    expect(people.map((p) => [p.id, p.title, p.roles])).toEqual([['chu-tich-xa-van-quan', 'Chủ tịch UBND xã Văn Quan', ['official']]]);
  });

  it('refuses records that break the schema before they reach the table', async () => {
    await expect(directory.putPerson({ id: 'Bad Id', title: 'x', agency: 'xa-van-quan', email: 'not-an-email', validFrom: REFORM })).rejects.toThrow(/email|id/i);
  });

  it('keeps who signs KT. or TL. for whom, and names agencies by id in one query', async () => {
    await directory.putPerson({ id: 'pho-chu-tich-xa-van-quan', name: 'Vi Văn Sơn', title: 'Phó Chủ tịch UBND xã', agency: 'xa-van-quan', email: 'son.vv@langson.gov.vn', signsFor: { kind: 'KT', person: 'chu-tich-xa-van-quan' }, validFrom: REFORM });
    expect((await directory.person('pho-chu-tich-xa-van-quan', '2026-01-10'))?.signsFor).toEqual({ kind: 'KT', person: 'chu-tich-xa-van-quan' });
    expect((await directory.person('chu-tich-xa-van-quan', '2026-01-10'))?.signsFor).toBeNull();
    await expect(directory.putPerson({ id: 'x', title: 'x', agency: 'xa-van-quan', email: 'x@langson.gov.vn', signsFor: { kind: 'TUQ' as 'KT', person: 'y' }, validFrom: REFORM })).rejects.toThrow();
    expect(await directory.agencyNames(['xa-van-quan', 'xa-tan-doan', 'khong-co'], '2026-01-10')).toEqual(new Map([['xa-van-quan', 'UBND xã Văn Quan']]));
    expect(await directory.agencyNames([])).toEqual(new Map());
  });
});
