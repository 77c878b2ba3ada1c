/**
 * `mock:serve` under load: 8 clients (keep-alive connections) each sending the queue's reads one
 * after another for a few seconds, against `mock:serve` started as its own process on the default
 * store, so the server has its own core as it would in use. The mix is what the console sends:
 * the default queue, a filtered one, page 2, a search, a tag filter, the alerts queue, and one
 * incident with its alerts.
 *
 * Run alone: `tsx scripts/bench-serve.ts [seconds]`; `npm run bench` runs it too.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Agent, request } from 'node:http';
import { stats } from './bench-stats';

const QUEUE_ALERTS =
  'alerts($select=title,severity,status,category,serviceSource,detectionSource,incidentId,assignedTo,classification,determination,createdDateTime,lastUpdateDateTime,firstActivityDateTime,lastActivityDateTime)';
const OPEN = "(status eq 'active' or status eq 'inProgress')";

/** The reads, as the console's queue and alerts queue write them. */
const QUEUE_READS = [
  `/v1.0/security/incidents?$filter=${OPEN}&$orderby=lastUpdateDateTime desc&$top=50&$count=true&$expand=${QUEUE_ALERTS}`,
  `/v1.0/security/incidents?$filter=${OPEN} and severity eq 'high'&$orderby=createdDateTime desc&$top=50&$count=true&$expand=${QUEUE_ALERTS}`,
  `/v1.0/security/incidents?$filter=${OPEN}&$orderby=lastUpdateDateTime desc&$top=50&$skip=50&$count=true&$expand=${QUEUE_ALERTS}`,
  `/v1.0/security/incidents?$filter=${OPEN} and (contains(displayName,'ransom') or id eq 'ransom')&$orderby=lastUpdateDateTime desc&$top=50&$count=true&$expand=${QUEUE_ALERTS}`,
  `/v1.0/security/incidents?$filter=customTags/any(t:t eq 'VIP')&$orderby=lastUpdateDateTime desc&$top=50&$count=true&$expand=${QUEUE_ALERTS}`,
  `/v1.0/security/alerts_v2?$filter=status eq 'new' or status eq 'inProgress'&$orderby=createdDateTime desc&$top=50&$count=true`,
  `/v1.0/security/incidents/1?$expand=alerts`,
].map((path) => path.replaceAll(' ', '%20'));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts `mock:serve` in its own process and resolves once it listens. */
async function startMockServe(port: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'mocks/server.ts', '--port', String(port), '--size', 'default'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`mock:serve exited with ${code}`)));
  });
  return child;
}

function get(agent: Agent, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        headers: { Authorization: 'Bearer mock.analyst@contoso.com' },
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(bytes)
            : reject(new Error(`${res.statusCode} for ${path}`)),
        );
      },
    );
    req.once('error', reject);
    req.end();
  });
}

export type LoadFigures = {
  requestsPerSecond: number;
  median: number;
  p95: number;
  meanBytes: number;
};

/** 8 clients for `seconds` after a warm-up; latency in ms. */
export async function loadMockServe(seconds = 5, clients = 8): Promise<LoadFigures> {
  const port = await freePort();
  const child = await startMockServe(port);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  try {
    for (const path of QUEUE_READS) await get(agent, port, path); // warm-up
    const latencies: number[] = [];
    let bytes = 0;
    let next = 0;
    const end = performance.now() + seconds * 1000;
    const client = async () => {
      while (performance.now() < end) {
        const path = QUEUE_READS[next++ % QUEUE_READS.length]!;
        const t = performance.now();
        const received = await get(agent, port, path);
        bytes += received;
        latencies.push(performance.now() - t);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: clients }, client));
    const elapsed = (performance.now() - started) / 1000;
    return {
      requestsPerSecond: latencies.length / elapsed,
      ...stats(latencies),
      meanBytes: bytes / latencies.length,
    };
  } finally {
    agent.destroy();
    child.kill('SIGKILL');
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const seconds = Number(process.argv[2] ?? 5);
  const f = await loadMockServe(seconds);
  console.log(
    `mock:serve, 8 clients of queue reads (default store): ${f.requestsPerSecond.toFixed(0)} req/s, median ${f.median.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, ${(f.meanBytes / 1024).toFixed(0)} KB a response (goal ≥ 400 req/s, p95 ≤ 50 ms)`,
  );
}
