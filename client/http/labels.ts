// Status and stage labels in the reader's language, from the model's own tables.
import { STAGE_LABELS, STATUS_LABELS, type AssignmentStatus, type PlanStage } from '../../model/status';
import type { Lang } from './i18n';

export const statusLabel = (status: AssignmentStatus | undefined, lang: Lang) => (status ? STATUS_LABELS[status][lang] : '—');
export const stageLabel = (stage: PlanStage, lang: Lang) => STAGE_LABELS[stage][lang];
