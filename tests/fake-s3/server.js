// Starts s3rver on a free loopback port with the buckets named in FAKE_S3_BUCKETS (comma-separated), keeping
// objects in a temporary directory removed at exit. Prints "listening PORT" once it accepts requests, and
// stops when its standard input closes, so it never outlives the test process that started it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

const directory = mkdtempSync(join(tmpdir(), 'fake-s3-'));
const buckets = (process.env.FAKE_S3_BUCKETS ?? '').split(',').filter(Boolean).map(name => ({ name }));
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: buckets });
const { port } = await server.run();
console.log(`listening ${port}`);

// Exits at once: closing the server would wait for the clients' kept-alive connections.
const stop = () => {
  rmSync(directory, { recursive: true, force: true });
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
