// A real SMTP server in its own process for the chaos test (the suite's SmtpSink, on a loopback port): it tells its
// parent the port once it listens and every message the moment it stores it, before its (delayed) reply.
import { SmtpSink } from './smtp';
import { ChildReport, SmtpChildStart } from './child-protocol';

/** A plain header's value is a string; anything else (absent, structured) is no key. */
const headerText = (value: unknown) => (typeof value === 'string' ? value : '');

async function main(): Promise<void> {
  const start = SmtpChildStart.parse(JSON.parse(process.argv[2] ?? '{}'));
  const sink = new SmtpSink();
  sink.replyDelayMs = start.replyDelayMs;
  const send = (report: ChildReport) => process.send?.(report);
  sink.onReceived = (r) => send({
    kind: 'mail', messageId: r.mail.messageId ?? '', key: headerText(r.mail.headers.get('x-planflow-key')), to: r.envelopeTo, at: r.at,
  });
  await sink.start();
  send({ kind: 'ready', port: sink.port });
  process.on('disconnect', () => void sink.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
