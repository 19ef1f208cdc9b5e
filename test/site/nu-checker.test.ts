/**
 * The W3C's Nu HTML Checker (vnu-jar, run with the system's Java) over every built page: zero
 * errors. It catches what html-validate does not, e.g. a <script> after </html>. One Java
 * start for all the pages (vnu takes many files), since starting the JVM costs more than checking.
 * Without Java the test skips loudly, except under CI=true, where it fails (.ci/run installs Java).
 */
import { execFile, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { distDir, listBuiltPages } from '../support/site.ts';

const require = createRequire(import.meta.url);
// The package exports the jar's path; we run it with the system's Java, never a downloaded one.
const vnuJar = String(require('vnu-jar'));
const java = process.env.JAVA ?? 'java';
const javaFound = spawnSync(java, ['-version'], { stdio: 'ignore' }).status === 0;
const skip = !javaFound && process.env.CI !== 'true';
if (skip)
  console.warn(
    `!! SKIPPED the Nu HTML Checker: no Java runtime ("${java}"); apt-get install -y default-jre-headless`,
  );

interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
}

const pages = listBuiltPages();

/** Runs vnu once over the given files; its JSON report (it exits 1 when it finds errors). */
function runNu(files: string[]): Promise<NuMessage[]> {
  return new Promise((resolve, reject) => {
    execFile(
      java,
      ['-Xss1m', '-jar', vnuJar, '--format', 'json', '--errors-only', ...files],
      { maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
      (error, _stdout, stderr) => {
        // vnu writes its JSON report to stderr.
        try {
          resolve((JSON.parse(stderr) as { messages: NuMessage[] }).messages);
        } catch {
          reject(
            new Error(
              `The Nu checker did not report: ${error?.message ?? ''}\n${stderr.slice(0, 2000)}`,
            ),
          );
        }
      },
    );
  });
}

describe.skipIf(skip)('Nu HTML Checker (W3C)', () => {
  let byFile = new Map<string, string[]>();

  beforeAll(async () => {
    const messages = await runNu(pages.map((p) => p.file));
    byFile = new Map();
    for (const m of messages) {
      const file = m.url
        ? relative(distDir, decodeURIComponent(new URL(m.url).pathname))
        : '(no file)';
      const line = `${file}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'} ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}`;
      byFile.set(file, [...(byFile.get(file) ?? []), line]);
    }
  }, 300_000);

  it('reports nothing outside the pages it was given', () => {
    const known = new Set(pages.map((p) => p.distPath));
    expect(
      [...byFile.entries()].filter(([file]) => !known.has(file)).flatMap(([, lines]) => lines),
    ).toEqual([]);
  });

  it.each(pages.map((p) => [p.distPath] as const))('%s has no errors', (distPath) => {
    const errors = byFile.get(distPath) ?? [];
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
