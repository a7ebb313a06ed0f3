// The CLI is an operator's tool: whoever runs it holds Temporal access, so every command that changes something is
// recorded in the audit log as `operator:<os user>`, with the command, its target and who it was told to act as.
// With DATABASE_URL the entry goes to PostgreSQL; with the embedded store it goes to the journal beside it (the
// running `npm start` owns PGlite), which the store moves into the log; with no store at all nothing is recorded.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { AuditEntry } from '../store/audit';
import * as lazy from './lazy';
import { loadStoreConfig, type StoreConfig } from '../store/config';
import { appendToJournal, journalOf } from '../store/operator-journal';

/** The commands that change something, by their path (`calendar official add`). */
export const OPERATOR_COMMANDS = [
  'start', 'approve', 'report', 'review', 'extend', 'reassign', 'amend', 'cancel', 'consolidate', 'calendar official add',
] as const;

export const OPERATOR_HELP = `
Lệnh của người vận hành: planflow dùng quyền truy cập Temporal của người chạy lệnh, không qua đăng nhập của cán bộ;
--as chỉ ghi tên người được thay mặt. Mỗi lần chạy được ghi vào nhật ký thao tác là "operator:<tài khoản máy>".
Cán bộ làm việc trên cổng thông tin (npm start), không dùng lệnh này.`;

export const commandPath = (command: Command): string => {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
};

const isOperatorCommand = (path: string) => (OPERATOR_COMMANDS as readonly string[]).includes(path);

/** Adds the operator's note to the help of every command that changes something. */
export function markOperatorCommands(program: Command): void {
  const visit = (command: Command) => {
    if (isOperatorCommand(commandPath(command))) command.addHelpText('after', OPERATOR_HELP);
    command.commands.forEach(visit);
  };
  visit(program);
}

export const operatorActor = () => `operator:${userInfo().username}`;

export interface OperatorRun {
  command: string;
  /** The plan, assignment or file the command was run on. */
  target: string;
  /** Who the operator said they act for (`--as`). */
  as: string | undefined;
}

/** The run about to happen, when its command changes something. */
export function operatorRunOf(command: Command): OperatorRun | undefined {
  const path = commandPath(command);
  if (!isOperatorCommand(path)) return undefined;
  const as: unknown = command.opts().as;
  const [first] = command.args;
  return { command: path, target: (first ?? path).slice(0, 500), as: typeof as === 'string' ? as.slice(0, 200) : undefined };
}

/** Whether a store is configured: a PostgreSQL server, or the embedded one `npm start` has made. */
const hasStore = (config: StoreConfig) => config.DATABASE_URL !== undefined || existsSync(join(config.PLANFLOW_DATA_DIR, 'store'));

/** Records the run in the audit log; a refused or failed run is recorded too, with its reason. */
export async function recordOperatorRun(run: OperatorRun, outcome: { ok: true; subject?: string } | { ok: false; reason: string }, config = loadStoreConfig()): Promise<boolean> {
  if (!hasStore(config)) return false;
  const entry: AuditEntry = {
    actor: operatorActor(), actorKind: 'operator', onBehalfOf: run.as ?? null, action: run.command,
    subject: (outcome.ok && outcome.subject) || run.target, outcome: outcome.ok ? 'done' : 'refused',
    detail: { via: 'cli', ...(outcome.ok ? {} : { reason: outcome.reason.slice(0, 1000) }) },
  };
  const journal = journalOf(config);
  if (journal) {
    await appendToJournal(journal, entry);
    return true;
  }
  // Loaded here, not at the top: only commands that change something come this far, and the store's drivers (pg,
  // PGlite) cost a read-only command such as `planflow status` more than its query.
  const store = await lazy.store().openStore(config);
  try {
    await store.audit.record(entry);
  } finally {
    await store.close();
  }
  return true;
}

/** What a command learned of its subject while it ran (the id of the plan `start` made), for its audit entry. */
export const operatorSubject: { value?: string } = {};
