// Modules only some commands need, loaded when such a command runs rather than at every `planflow` start (a
// `planflow status` must answer in well under a second: docx, the importer, yaml and nodemailer cost more than
// the query). `require`, not `import()`: these modules are compiled to CommonJS file by file (scripts/build.mjs), where
// an `import()` of a relative path stays an ES-module import Node cannot resolve without its extension. The CLI's
// bundle (dist/client/cli.bundle.js) leaves exactly these requires to Node, so they load from dist/ when called.
/* eslint-disable @typescript-eslint/no-require-imports */
export const planLoader = () => ({
  ...(require('../model/load') as typeof import('../model/load')),
  ...(require('../model/validate') as typeof import('../model/validate')),
});
export const rebase = () => require('../model/rebase') as typeof import('../model/rebase');
export const planFile = () => require('./plan-file') as typeof import('./plan-file');
export const importer = () => require('../model/import') as typeof import('../model/import');
export const yamlDraft = () => require('../model/import/yaml-draft') as typeof import('../model/import/yaml-draft');
export const report = () => require('../model/report') as typeof import('../model/report');
export const documents = () => require('../activities/documents') as typeof import('../activities/documents');
export const mailConfig = () => require('../activities/email/config') as typeof import('../activities/email/config');
export const mailer = () => require('../activities/email/mailer') as typeof import('../activities/email/mailer');
export const simulateRun = () => require('./simulate-run') as typeof import('./simulate-run');
export const work = () => require('../model/work') as typeof import('../model/work');
export const store = () => require('../store') as typeof import('../store');
