/** A throwaway copy of content/ for tests that break it on purpose. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CONTENT_ROOT = resolve('content');

export interface ContentCopy {
  root: string;
  /** Replaces exactly one occurrence of `find` in a file of the copy; throws if it is not there once. */
  edit: (file: string, find: string, replace: string) => void;
  remove: () => void;
}

export function copyContent(): ContentCopy {
  const root = mkdtempSync(join(tmpdir(), 'so-tay-content-'));
  cpSync(CONTENT_ROOT, root, { recursive: true });
  return {
    root,
    edit(file, find, replace) {
      const path = join(root, file);
      const text = readFileSync(path, 'utf8');
      const count = text.split(find).length - 1;
      if (count !== 1)
        throw new Error(
          `Expected ${JSON.stringify(find)} once in ${file}, found it ${count} times`,
        );
      writeFileSync(
        path,
        text.replace(find, () => replace),
      );
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
