/**
 * s3rver in a process of its own (`startS3ServerProcess` in s3.ts): for load tests, where an S3 server inside
 * the test process would compete with the test's own clients for one event loop. Arguments: data directory and
 * bucket. Prints `s3rver listening on <port>` once it answers; stops on SIGTERM, and when the test process that
 * started it goes away (its stdin closes), so it never outlives the test.
 */
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
if (!directory || !bucket) throw new Error('usage: s3rver-main.ts <directory> <bucket>');
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
const { port } = await server.run();
process.stdout.write(`s3rver listening on ${port}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.stdin.once('close', stop);
process.stdin.resume();
