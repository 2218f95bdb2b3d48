import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * The decoded path of a request target, or null when it is not one: `//[` is no URL, `%`
 * no escape. Anyone can send either (an <img> on any web page reaches 127.0.0.1).
 */
export function requestPath(target: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(target ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    return null;
  }
}

/** Reads a file of the built renderer (`path` decoded); refuses any path that escapes its folder. */
export async function readStatic(
  root: string,
  path: string,
): Promise<{ body: Buffer; type: string } | null> {
  const relative = path === '/' ? 'index.html' : path.replace(/^\/+/, '');
  const file = normalize(join(root, relative));
  if (!file.startsWith(normalize(root) + sep)) return null;
  try {
    return { body: await readFile(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
