// npm run bench -- [BASE_URL]: latency and throughput of the reader pages of a running app
// (default http://127.0.0.1:3000). Bounded: 400 requests per page, 8 at a time, loopback only.
const base = (process.argv[2] ?? process.env.BASE_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
if (!/^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(base)) {
  console.error(`Refusing to load ${base}: benchmarks only target this machine.`);
  process.exit(2);
}
const REQUESTS = 400;
const CONCURRENCY = 8;

async function firstStoryPath() {
  const html = await (await fetch(`${base}/`)).text();
  return html.match(/href="(\/issues\/[a-z0-9-]+\/[a-z0-9-]+)"/)?.[1];
}

async function measure(path) {
  for (let i = 0; i < 20; i++) await (await fetch(`${base}${path}`)).arrayBuffer(); // warm-up
  const times = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        const t = performance.now();
        const res = await fetch(`${base}${path}`);
        await res.arrayBuffer();
        if (!res.ok) failures++;
        times.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  return { path, requests: times.length, failures, rps: (times.length / seconds).toFixed(0), p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

const story = await firstStoryPath();
const paths = ["/", "/issues", "/issues/issue-13-2022", ...(story ? [story] : []), "/api/health"];
console.log(`Reader pages at ${base}: ${REQUESTS} requests each, ${CONCURRENCY} concurrent (ms)`);
console.log("path".padEnd(64), "req/s".padStart(6), "p50".padStart(7), "p95".padStart(7), "p99".padStart(7), "fail".padStart(5));
for (const path of paths) {
  const r = await measure(path);
  console.log(r.path.padEnd(64), r.rps.padStart(6), r.p50.padStart(7), r.p95.padStart(7), r.p99.padStart(7), String(r.failures).padStart(5));
}
