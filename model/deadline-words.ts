// A deadline in the plan's own words ("trước ngày 20/11/2021", "trong vòng 10 ngày làm việc kể từ ngày ban hành"),
// as documents and notices quote it, rather than a computed day the plan never wrote.
import { formatVietnamese } from './calendar';
import type { Deadline } from './plan';

const UNIT = { 'working-days': 'ngày làm việc', days: 'ngày' } as const;
const EVERY = { month: 'hằng tháng', quarter: 'hằng quý', 'half-year': '6 tháng', 'nine-months': '9 tháng', year: 'hằng năm' } as const;

/**
 * Vietnamese only: it quotes a Vietnamese document. `stepName` names the step an `after-step` deadline counts from;
 * without it the step is not named (its id is no word for people).
 */
export function deadlineWords(deadline: Deadline | undefined, stepName?: (id: string) => string): string {
  if (!deadline) return 'thường xuyên';
  switch (deadline.kind) {
    case 'date':
      return `${deadline.wording === 'before' ? 'trước ngày' : 'chậm nhất ngày'} ${formatVietnamese(deadline.date)}`;
    case 'after-issue':
      return `trong vòng ${deadline.days} ${UNIT[deadline.unit]} kể từ ngày ban hành Kế hoạch`;
    case 'after-step': {
      const event = deadline.event === 'deadline' ? 'hạn' : 'ngày hoàn thành';
      return `${deadline.days} ${UNIT[deadline.unit]} sau ${event} của ${stepName ? `nhiệm vụ "${stepName(deadline.step)}"` : 'nhiệm vụ liên quan'}`;
    }
    case 'recurring': {
      const wording = deadline.wording === 'before' ? 'trước ngày' : 'chậm nhất ngày';
      if (deadline.on) {
        const [month, day] = deadline.on.split('-');
        return `${EVERY[deadline.every]}, ${wording} ${day}/${month}`;
      }
      if (deadline.day !== undefined) return `${wording} ${deadline.day} ${EVERY[deadline.every]}`;
      const after = deadline.afterCutoff!;
      return `${EVERY[deadline.every]}, trong vòng ${after.days} ${UNIT[after.unit]} sau ngày chốt số liệu`;
    }
    case 'month': {
      const [year, month] = deadline.month.split('-');
      return `trong tháng ${Number(month)}/${year}`;
    }
  }
}
