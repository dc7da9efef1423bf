/**
 * A loopback HTTP proxy in front of s3rver that adds what s3rver lacks: S3's conditional
 * PUT. s3rver 3.7.1 ignores `If-None-Match: *` and `If-Match`, so without this the
 * delivery ledger's races could not be tested against a real server. PUTs to one key are
 * serialised, and each is checked against the key's current state before it is forwarded:
 *   If-None-Match: *  → 412 PreconditionFailed when the key exists;
 *   If-Match: <etag>  → 412 when the current ETag differs, 404 NoSuchKey when it is gone.
 * Everything else is forwarded unchanged (headers untouched, so SigV4 still verifies).
 *
 * Fault injection (issue 8) hooks in through `setFaultRule`: a rule sees each request and
 * may answer with an error status, reset the connection, or delay it before forwarding.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** Path without the query, e.g. `/bucket/reports/2013-11/latest.json`. */
  path: string;
  query: string;
  headers: http.IncomingHttpHeaders;
}

export type FaultAction =
  /** Answer with an S3 error instead of forwarding. */
  | { kind: 'status'; status: number; code: string; message?: string }
  /** Destroy the connection before anything is forwarded. */
  | { kind: 'reset' }
  /** Wait, then forward (unless the client has given up meanwhile). */
  | { kind: 'delay'; ms: number }
  /** Forward — so the server DOES act on it — then destroy the connection instead of answering. */
  | { kind: 'lose-response' }
  /** Never forward, never answer: the request hangs until the client goes away. */
  | { kind: 'hang' };

export type FaultRule = (request: ProxiedRequest) => FaultAction | undefined;

export interface ConditionalS3Proxy {
  endpoint: string;
  /** How many PUTs were refused with 412 (for tests of the race). */
  readonly preconditionFailures: number;
  setFaultRule(rule: FaultRule | null): void;
  close(): Promise<void>;
}

function s3Error(res: http.ServerResponse, status: number, code: string, message: string): void {
  const body =
    '<?xml version="1.0" ' + `encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export async function startConditionalS3Proxy(upstream: string): Promise<ConditionalS3Proxy> {
  const target = new URL(upstream);
  const keyQueues = new Map<string, Promise<void>>();
  let faultRule: FaultRule | null = null;
  let preconditionFailures = 0;

  /** The upstream object's ETag, or null when there is none. */
  const currentEtag = (path: string): Promise<string | null> =>
    new Promise((resolve, reject) => {
      // Unsigned: the original request's signature covers its own method, not this HEAD,
      // and s3rver serves anonymous requests.
      const request = http.request({ host: target.hostname, port: target.port, method: 'HEAD', path }, (response) => {
        response.resume();
        if (response.statusCode === 404) resolve(null);
        else if (response.statusCode === 200)
          resolve(typeof response.headers.etag === 'string' ? response.headers.etag : '');
        else reject(new Error(`HEAD ${path} → ${response.statusCode}`));
      });
      request.on('error', reject);
      request.end();
    });

  const forward = (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> =>
    new Promise((resolve) => {
      const upstreamRequest = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (upstreamResponse) => {
          res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
          upstreamResponse.pipe(res);
          upstreamResponse.on('end', () => resolve());
          upstreamResponse.on('error', () => resolve());
        },
      );
      upstreamRequest.on('error', (error) => {
        if (!res.headersSent) s3Error(res, 502, 'BadGateway', error.message);
        else res.destroy();
        resolve();
      });
      req.pipe(upstreamRequest);
    });

  const conditionalPut = async (req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> => {
    const ifNoneMatch = req.headers['if-none-match'];
    const ifMatch = req.headers['if-match'];
    if (ifNoneMatch !== undefined || ifMatch !== undefined) {
      const etag = await currentEtag(path);
      const refuse = (status: number, code: string, message: string): void => {
        preconditionFailures++;
        req.resume();
        s3Error(res, status, code, message);
      };
      if (ifNoneMatch === '*' && etag !== null)
        return refuse(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold');
      if (ifMatch !== undefined && etag === null) return refuse(404, 'NoSuchKey', 'The specified key does not exist.');
      if (ifMatch !== undefined && etag !== ifMatch)
        return refuse(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold');
    }
    await forward(req, res);
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const request: ProxiedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search,
      headers: req.headers,
    };
    void (async () => {
      const fault = faultRule?.(request);
      if (fault?.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'status') {
        req.resume();
        s3Error(res, fault.status, fault.code, fault.message ?? fault.code);
        return;
      }
      if (fault?.kind === 'hang') {
        req.resume();
        return;
      }
      if (fault?.kind === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        // A client that timed out has gone: a real server would not see its request either.
        if (req.socket.destroyed) return;
      }
      if (fault?.kind === 'lose-response') {
        // The request is carried out upstream; only its answer is lost (the ambiguous failure).
        res.writeHead = () => {
          req.socket.destroy();
          return res;
        };
      }

      // Object PUTs (not bucket creation, not multipart parts) are serialised per key.
      const isObjectPut =
        request.method === 'PUT' &&
        url.pathname.split('/').filter(Boolean).length >= 2 &&
        !url.searchParams.has('partNumber');
      if (!isObjectPut) {
        await forward(req, res);
        return;
      }
      const previous = keyQueues.get(url.pathname) ?? Promise.resolve();
      const mine = previous
        .then(() => conditionalPut(req, res, url.pathname))
        .catch((error: unknown) => {
          if (!res.headersSent)
            s3Error(res, 500, 'InternalError', error instanceof Error ? error.message : String(error));
        });
      keyQueues.set(url.pathname, mine);
      await mine;
      if (keyQueues.get(url.pathname) === mine) keyQueues.delete(url.pathname);
    })();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no TCP address');
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    get preconditionFailures() {
      return preconditionFailures;
    },
    setFaultRule(rule) {
      faultRule = rule;
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
