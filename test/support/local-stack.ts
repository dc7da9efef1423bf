/**
 * The local cloud for integration tests: s3rver behind the conditional-write proxy, and
 * aws-ses-v2-local, on random loopback ports. The SDK is pointed at them only through its
 * standard environment variables, as in the demo and the function.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  startLocalS3,
  startLocalSes,
  useLocalAwsEndpoints,
  type LocalServer,
} from '../../functions/demo/local-servers';
import { startConditionalS3Proxy, type ConditionalS3Proxy } from './conditional-s3-proxy';
import { startSesFaultProxy, type SesFaultProxy } from './ses-fault-proxy';

export interface ReceivedEmail {
  messageId: string;
  from: string;
  /** The Reply-To addresses, as aws-ses-v2-local parses them (empty when none). */
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  attachments: Array<{ content: string; contentType: string; filename?: string; size: number }>;
  at: number;
}

export interface LocalStack {
  bucket: string;
  s3: LocalServer;
  proxy: ConditionalS3Proxy;
  ses: LocalServer;
  /** In front of `ses` (the SDK is pointed here): SES has no fault hook of its own. */
  sesProxy: SesFaultProxy;
  /** Every email the local SES has received, oldest first. */
  emails(): Promise<ReceivedEmail[]>;
  clearEmails(): Promise<void>;
  stop(): Promise<void>;
}

export const TEST_BUCKET = 'indicator-pack-test';

/** Starts the servers and points the SDK's standard settings at them. */
export async function startLocalStack(bucket = TEST_BUCKET): Promise<LocalStack> {
  const directory = mkdtempSync(path.join(tmpdir(), 'indicator-pack-s3-'));
  const s3 = await startLocalS3({ port: 0, directory, bucket });
  const proxy = await startConditionalS3Proxy(s3.endpoint);
  const ses = await startLocalSes({ port: 0 });
  const sesProxy = await startSesFaultProxy(ses.endpoint);

  useLocalAwsEndpoints({ s3: proxy.endpoint, ses: sesProxy.endpoint, bucket });

  return {
    bucket,
    s3,
    proxy,
    ses,
    sesProxy,
    async emails() {
      const response = await fetch(`${ses.endpoint}/store`);
      const store = (await response.json()) as { emails: ReceivedEmail[] };
      return store.emails;
    },
    async clearEmails() {
      await fetch(`${ses.endpoint}/clear-store`, { method: 'POST' });
    },
    async stop() {
      await sesProxy.close();
      await ses.close();
      await proxy.close();
      await s3.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
