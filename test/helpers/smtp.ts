// A real SMTP server for the suites (the smtp-server package on a loopback port): it keeps what it receives,
// can refuse chosen addresses with 550, and can be stopped and started again on the same port.
import type { AddressInfo, Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface Received {
  /** When the message's last byte arrived (Date.now()), before it was parsed and answered. */
  at: number;
  envelopeTo: string[];
  raw: string;
  mail: ParsedMail;
}

export class SmtpSink {
  readonly received: Received[] = [];
  readonly refuse = new Set<string>();
  /** Holds every 250 reply back this long after the message has been received (a slow server). */
  replyDelayMs = 0;
  /** Told of each message as soon as it is stored, before the reply (the chaos test's server process reports it). */
  onReceived: ((received: Received) => void) | undefined;
  port = 0;
  private server: SMTPServer | undefined;
  private readonly sockets = new Set<Socket>();

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        if (!this.refuse.has(address.address)) return callback();
        callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const at = Date.now();
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw).then((mail) => {
            const received = { at, envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, mail };
            this.received.push(received);
            this.onReceived?.(received);
            setTimeout(() => callback(), this.replyDelayMs);
          }, callback);
        });
      },
    });
    server.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    // Once listening, an error is one client's (a worker killed mid-transaction resets its connection): not the server's end.
    server.on('error', () => undefined);
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops at once, as a crashed server would: open connections (a client's idle pool) are cut, not awaited. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): Received[] {
    return this.received.filter((r) => r.envelopeTo.includes(address));
  }
}
