/**
 * Local stand-ins for S3 (s3rver) and SES (aws-ses-v2-local) on loopback, used by the
 * demo and the integration tests. Each listens on the given port, or a free one when that
 * is taken (or when 0 is given).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import sesServer from 'aws-ses-v2-local';

export interface LocalServer {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

function isAddressInUse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EADDRINUSE';
}

/** Starts s3rver with `bucket` created, storing its files in `directory`. */
export async function startLocalS3(options: { port: number; directory: string; bucket: string }): Promise<LocalServer> {
  const start = async (port: number): Promise<{ server: S3rver; address: AddressInfo }> => {
    const server = new S3rver({
      port,
      address: LOOPBACK,
      silent: true,
      directory: options.directory,
      configureBuckets: [{ name: options.bucket }],
    });
    return { server, address: await server.run() };
  };
  let started;
  try {
    started = await start(options.port);
  } catch (error) {
    if (!isAddressInUse(error) || options.port === 0) throw error;
    started = await start(0);
  }
  const { server, address } = started;
  return { endpoint: `http://${LOOPBACK}:${address.port}`, port: address.port, close: () => server.close() };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.closeAllConnections();
    server.close((error) => (error ? reject(error) : resolve()));
  });
}

/**
 * Starts aws-ses-v2-local. Its mail store lives in the module, one per process: received
 * messages are read back with GET /store (the web inbox is at the endpoint's root).
 */
export async function startLocalSes(options: { port: number }): Promise<LocalServer> {
  // aws-ses-v2-local resolves only once listening and never reports a taken port, so probe first.
  const port = (await portIsFree(options.port)) ? options.port : 0;
  const server = await sesServer({ host: LOOPBACK, port });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('local SES server has no TCP address');
  return { endpoint: `http://${LOOPBACK}:${address.port}`, port: address.port, close: () => closeServer(server) };
}

/** True when nothing listens on `port` on loopback (0 is always "free"). */
async function portIsFree(port: number): Promise<boolean> {
  if (port === 0) return true;
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, LOOPBACK, () => probe.close(() => resolve(true)));
  });
}

/**
 * Points the AWS SDK at local servers through its own standard settings only (region,
 * credentials, endpoint overrides), so the code under test cannot tell them from AWS.
 * s3rver accepts only its own well-known key pair.
 */
export function useLocalAwsEndpoints(endpoints: { s3: string; ses: string; bucket: string }): void {
  process.env.AWS_REGION = 'eu-west-2';
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  process.env.AWS_ENDPOINT_URL_S3 = endpoints.s3;
  process.env.AWS_ENDPOINT_URL_SES = endpoints.ses;
  process.env.DATA_BUCKET = endpoints.bucket;
}
