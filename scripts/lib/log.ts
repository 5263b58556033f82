/**
 * Tiny line-oriented, name-prefixed logging for the development services
 * started by `npm start` / `npm test`.
 */
import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';

export type LineLogger = (line: string) => void;

const NAME_WIDTH = 8;

// Fixed colours for the names we know, so the output looks the same every run.
const KNOWN_COLORS: Record<string, number> = {
  postgres: 34, // blue
  pg: 34,
  redis: 31, // red
  oidc: 35, // magenta
  mail: 33, // yellow
  server: 32, // green
  worker: 36, // cyan
  workers: 36,
  client: 94, // bright blue
  vite: 94,
  migrate: 95, // bright magenta
  seed: 95,
  test: 97, // bright white
  start: 97,
};
const FALLBACK_COLORS = [32, 33, 34, 35, 36, 91, 92, 93, 94, 95, 96];

function colorFor(name: string): number {
  const known = KNOWN_COLORS[name.toLowerCase()];
  if (known !== undefined) return known;
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return FALLBACK_COLORS[hash % FALLBACK_COLORS.length]!;
}

/** Split a chunk of text into lines, dropping trailing whitespace and empty lines. */
function splitLines(text: string): string[] {
  return text
    .split(/\r?\n|\r/)
    .map((l) => l.trimEnd())
    .filter((l) => l.length > 0);
}

/**
 * Returns a logger that prints every line as `[name]   line`, with a fixed
 * colour per name when stdout is a terminal. Multi-line input is split.
 */
export function prefixedLogger(name: string): LineLogger {
  const label = `[${name}]`.padEnd(NAME_WIDTH + 2);
  const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  const prefix = useColor ? `\x1b[${colorFor(name)}m${label}\x1b[0m` : label;
  return (chunk: string) => {
    for (const line of splitLines(String(chunk))) {
      process.stdout.write(`${prefix} ${line}\n`);
    }
  };
}

function pipeStream(stream: Readable | null | undefined, log: LineLogger): void {
  if (!stream) return;
  let buffered = '';
  const emit = (text: string) => {
    for (const line of text.split(/\r?\n|\r/)) {
      if (line.trim().length > 0) log(line);
    }
  };
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    const lastBreak = Math.max(buffered.lastIndexOf('\n'), buffered.lastIndexOf('\r'));
    if (lastBreak === -1) {
      // Avoid unbounded growth for output that never contains a newline.
      if (buffered.length > 64 * 1024) {
        emit(buffered);
        buffered = '';
      }
      return;
    }
    const complete = buffered.slice(0, lastBreak);
    buffered = buffered.slice(lastBreak + 1);
    emit(complete);
  });
  const flush = () => {
    if (buffered.length > 0) {
      emit(buffered);
      buffered = '';
    }
  };
  stream.on('end', flush);
  stream.on('close', flush);
  stream.on('error', () => flush());
}

/** Line-split a child's stdout and stderr into `log`: one call per (non-empty) line. */
export function pipeChildOutput(child: ChildProcess, log: LineLogger): void {
  pipeStream(child.stdout, log);
  pipeStream(child.stderr, log);
}
