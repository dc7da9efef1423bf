/**
 * A loopback proxy in front of aws-ses-v2-local, which has no way to inject faults: a
 * rule sees each SES call (its Action and destinations) and may answer with an SES error
 * (e.g. 400 Throttling), hang, or let it through. The client is the real SES client,
 * pointed here through AWS_ENDPOINT_URL_SES, so its own retry strategy is what is tested.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SesCall {
  /** e.g. SendRawEmail. */
  action: string;
  destinations: string[];
  /** 1-based count of calls with this action so far, this one included. */
  number: number;
  /** SendRawEmail's raw MIME message, as the client sent it. */
  raw: Buffer | null;
}

export type SesFaultAction =
  | { kind: 'error'; status: number; code: string; message: string }
  /** Never forward, never answer (a send that is under way when the process dies). */
  | { kind: 'hang' };

export type SesFaultRule = (call: SesCall) => SesFaultAction | undefined;

export const SES_FAULTS = {
  throttling: { kind: 'error', status: 400, code: 'Throttling', message: 'Maximum sending rate exceeded.' },
  rejected: { kind: 'error', status: 400, code: 'MessageRejected', message: 'Email address is not verified.' },
  serviceUnavailable: { kind: 'error', status: 503, code: 'ServiceUnavailable', message: 'Service unavailable.' },
  hang: { kind: 'hang' },
} as const satisfies Record<string, SesFaultAction>;

export interface SesFaultProxy {
  endpoint: string;
  setFaultRule(rule: SesFaultRule | null): void;
  /** Calls seen per action (faulted ones included). */
  calls(action: string): SesCall[];
  /** Calls to `action` that reached the server. */
  forwarded(action: string): SesCall[];
  /** Resolves at the next call a rule answers with `hang` (for killing a process mid-send). */
  nextHang(): Promise<SesCall>;
  close(): Promise<void>;
}

function sesError(res: http.ServerResponse, fault: Extract<SesFaultAction, { kind: 'error' }>): void {
  const body = `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>${fault.code}</Code><Message>${fault.message}</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>`;
  res.writeHead(fault.status, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export async function startSesFaultProxy(upstream: string): Promise<SesFaultProxy> {
  const target = new URL(upstream);
  let rule: SesFaultRule | null = null;
  const seen: SesCall[] = [];
  const passed: SesCall[] = [];
  const hangWaiters: Array<(call: SesCall) => void> = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const form = new URLSearchParams(body.toString('utf8'));
      const action = form.get('Action') ?? '';
      const destinations = [...form.entries()]
        .filter(([name]) => name.startsWith('Destinations.member.'))
        .map(([, value]) => value);
      const data = form.get('RawMessage.Data');
      const call: SesCall = {
        action,
        destinations,
        number: seen.filter((c) => c.action === action).length + 1,
        raw: data === null ? null : Buffer.from(data, 'base64'),
      };
      seen.push(call);
      const fault = rule?.(call);
      if (fault?.kind === 'error') return sesError(res, fault);
      if (fault?.kind === 'hang') {
        for (const resolve of hangWaiters.splice(0)) resolve(call);
        return;
      }
      passed.push(call);
      const forwarded = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (response) => {
          res.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(res);
        },
      );
      forwarded.on('error', (error) => {
        if (!res.headersSent) sesError(res, { kind: 'error', status: 502, code: 'BadGateway', message: error.message });
      });
      forwarded.end(body);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('SES fault proxy has no TCP address');
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    setFaultRule(next) {
      rule = next;
    },
    calls: (action) => seen.filter((c) => c.action === action),
    forwarded: (action) => passed.filter((c) => c.action === action),
    nextHang: () => new Promise((resolve) => hangWaiters.push(resolve)),
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
