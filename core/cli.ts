/**
 * `npm run --silent liq [--explain] [--lang zh] [--tolerance 0.5] [--target-buffer 15] < input.json`
 * The node entry point: read stdin, run the pure CLI logic (cli-run.ts), print one JSON object.
 */
import { runCli } from './cli-run';

const chunks: Buffer[] = [];
process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
process.stdin.on('end', () => {
  const result = runCli(process.argv.slice(2), Buffer.concat(chunks).toString('utf8'));
  process.stdout.write(`${JSON.stringify(result.output, null, 2)}\n`);
  process.exitCode = result.status;
});
