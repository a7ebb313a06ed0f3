// The OpenAPI 3.1 description of the JSON API, its request bodies generated from the same zod schemas the routes parse.
import { z } from 'zod';
import { ApiError, ApproveBody, BatchReviewBody, ExtendBody, ReportBody, ReviewBody } from './api-schemas';
import { InboxItem } from './inbox';
import { WaitingReview } from './waiting';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
/** What a route answers: dates go out as ISO strings. */
const answerSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any', override: (ctx) => {
  if (ctx.zodSchema._zod.def.type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
} });
const json = (s: z.ZodType) => ({ 'application/json': { schema: answerSchema(s) } });
const BatchReviewAnswer = z.object({
  results: z.array(z.object({ id: z.string(), ok: z.boolean(), status: z.string().optional(), code: z.string().optional(), message: z.string().optional() })),
});
const idParam = { name: 'id', in: 'path', required: true, description: 'Workflow id, URL-encoded (plan/292-KH-UBND/2019/clause-3/xa-thanh-xuong → plan%2F292-KH-UBND%2F2019%2Fclause-3%2Fxa-thanh-xuong).', schema: { type: 'string' } };
const refusals = {
  401: { description: 'Chưa đăng nhập / thiếu mã truy cập', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  403: { description: 'Không có quyền', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  422: { description: 'Dữ liệu hoặc thao tác không hợp lệ', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
};
const ok = { 200: { description: 'Đã thực hiện', content: { 'application/json': { schema: { type: 'object', properties: { ok: { const: true }, result: {} } } } } } };
const write = (summary: string, body: z.ZodType, path = true) => ({
  post: {
    summary, parameters: path ? [idParam] : [],
    requestBody: { required: true, content: { 'application/json': { schema: schema(body) } } },
    responses: { ...ok, ...refusals },
  },
});

export function openApiDocument(publicUrl: string) {
  return {
    openapi: '3.1.0',
    info: { title: 'planflow API', version: '1', description: 'Hành động của cán bộ trên kế hoạch: cùng quyền như cổng web. Người thực hiện (`by`) lấy từ phiên đăng nhập hoặc mã truy cập, không bao giờ từ dữ liệu gửi lên.' },
    servers: [{ url: `${publicUrl}/api` }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Mã truy cập cấp cho hệ thống (pf_…).' },
        session: { type: 'apiKey', in: 'cookie', name: 'planflow_session', description: 'Phiên đăng nhập; mọi lệnh ghi kèm tiêu đề X-CSRF-Token.' },
      },
      schemas: { Error: schema(ApiError) },
    },
    paths: {
      '/me': { get: { summary: 'Người đang đăng nhập', responses: { 200: { description: 'Người và đơn vị' }, 401: refusals[401] } } },
      '/inbox': {
        get: {
          summary: 'Việc của tôi: nhiệm vụ đang mở của đơn vị, theo hạn (tên nhiệm vụ, số kế hoạch, kỳ báo cáo)',
          parameters: [{ name: 'plan', in: 'query', required: false, schema: { type: 'string' } }],
          responses: { 200: { description: 'Danh sách', content: json(z.object({ items: z.array(InboxItem) })) }, 401: refusals[401] },
        },
      },
      '/reviews': {
        get: { summary: 'Báo cáo chờ tiếp nhận của đơn vị, chờ lâu nhất trước (since: thời điểm nộp báo cáo)', responses: { 200: { description: 'Danh sách', content: json(z.object({ reviews: z.array(WaitingReview) })) }, 401: refusals[401] } },
        post: {
          summary: 'Tiếp nhận nhiều báo cáo một lần; mỗi báo cáo qua Update riêng của nhiệm vụ, kết quả theo từng dòng',
          requestBody: { required: true, content: { 'application/json': { schema: schema(BatchReviewBody) } } },
          responses: { 200: { description: 'Kết quả từng báo cáo', content: json(BatchReviewAnswer) }, 401: refusals[401], 422: refusals[422] },
        },
      },
      '/assignments/{id}/report': write('Nộp báo cáo', ReportBody),
      '/assignments/{id}/review': write('Duyệt báo cáo: chấp nhận hoặc trả lại', ReviewBody),
      '/assignments/{id}/extend': write('Gia hạn', ExtendBody),
      '/plans/{id}/approve': write('Phê duyệt (ban hành, kết thúc)', ApproveBody),
      '/plans': { post: { summary: 'Khởi chạy kế hoạch từ tệp YAML/JSON', requestBody: { required: true, content: { 'application/yaml': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } } }, responses: { ...ok, ...refusals } } },
    },
  };
}
