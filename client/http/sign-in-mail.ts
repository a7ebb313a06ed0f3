// The sign-in email: the link, how long it lasts, and what to do if one did not ask for it. Sent through the same
// mailer as every notice (SMTP, or the outbox folder with nothing configured).
import type { MailConfig } from '../../activities/email/config';
import type { Mailer } from '../../activities/email/mailer';
import type { PersonRecord } from '../../store/directory';
import { messages } from './i18n';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

export async function sendSignInLink(mailer: Mailer, config: MailConfig, person: PersonRecord, link: string): Promise<void> {
  const t = messages(person.language);
  const name = oneLine(person.name ?? person.title);
  const body = person.language === 'en'
    ? { hello: `Hello ${name},`, line: 'Open this link to sign in to planflow. It works once, within 15 minutes:', ignore: 'If you did not ask to sign in, ignore this email: nobody can sign in without the link.' }
    : { hello: `Kính gửi ${name},`, line: 'Mở liên kết dưới đây để đăng nhập planflow. Liên kết dùng được một lần, trong 15 phút:', ignore: 'Nếu anh/chị không yêu cầu đăng nhập, hãy bỏ qua thư này: không ai đăng nhập được nếu không có liên kết.' };
  await mailer.send({
    from: config.MAIL_FROM,
    to: [{ name, address: person.email }],
    subject: t.signInMailSubject,
    text: `${body.hello}\n\n${body.line}\n${link}\n\n${body.ignore}\n`,
    html: `<p>${escapeHtml(body.hello)}</p><p>${escapeHtml(body.line)}<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p><p>${escapeHtml(body.ignore)}</p>`,
    headers: { 'X-Planflow-Key': 'sign-in' },
  });
}
