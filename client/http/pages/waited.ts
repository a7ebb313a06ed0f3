// How long something has waited, as a coordinator says it: hours on the first day, then days.
import type { Lang } from '../i18n';

const HOUR = 3_600_000;

export function waitedWords(lang: Lang, now: Date, since: Date): string {
  const hours = Math.max(0, Math.floor((now.getTime() - since.getTime()) / HOUR));
  if (hours < 24) return lang === 'vi' ? `${hours} giờ` : `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  const days = Math.floor(hours / 24);
  return lang === 'vi' ? `${days} ngày` : `${days} ${days === 1 ? 'day' : 'days'}`;
}
