// Official documents as .docx bytes: the plan (Kế hoạch) and the consolidated report (Báo cáo tổng hợp).
import { Packer } from 'docx';
import type { Plan } from '../../model/plan';
import type { ConsolidatedReport } from '../../model/report';
import { planDocument } from './plan-document';
import { reportDocument } from './report-document';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const planDocx = (plan: Plan): Promise<Buffer> => Packer.toBuffer(planDocument(plan));
export const reportDocx = (report: ConsolidatedReport): Promise<Buffer> => Packer.toBuffer(reportDocument(report));
