import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { ContentError } from '../../src/lib/content/errors.ts';
import { copyContent, type ContentCopy } from '../support/content-copy.ts';

const fixtures = z
  .array(
    z.strictObject({
      name: z.string(),
      file: z.string(),
      find: z.string(),
      replace: z.string(),
      expect: z.array(z.string()).min(1),
    }),
  )
  .parse(parse(readFileSync('test/fixtures/broken-content.yaml', 'utf8')));

function errorOf(root: string): ContentError {
  try {
    loadHandbook(root);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('Loading the broken content succeeded');
}

describe('broken content stops the build with file, line, field, found and expected', () => {
  let copy: ContentCopy | undefined;
  afterEach(() => copy?.remove());

  it('breaks every kind of content file, each fixture under its own name', () => {
    const kinds = new Set(fixtures.map((fixture) => fixture.file.split('/')[0]));
    expect([...kinds].sort()).toEqual([
      'articles',
      'checklists.yaml',
      'drills',
      'duties',
      'flows',
      'instruments.yaml',
      'moments.yaml',
      'pages',
      'point-words.yaml',
      'readings.yaml',
      'roles.yaml',
      'sources',
    ]);
    expect(new Set(fixtures.map((fixture) => fixture.name)).size).toBe(fixtures.length);
  });

  it.each(fixtures)('$name', (fixture) => {
    copy = copyContent();
    copy.edit(fixture.file, fixture.find, fixture.replace);
    const error = errorOf(copy.root);
    for (const fragment of fixture.expect) expect(error.message).toContain(fragment);
    expect(error.message).toMatch(
      /^The handbook's content has \d+ problems? \(content root: .+\)\. Nothing was built\./,
    );
  });

  it('lists every problem at once, not only the first', () => {
    copy = copyContent();
    copy.edit('moments.yaml', 'id: trong-ca', 'id: Trong Ca');
    copy.edit(
      'duties/cong-chuc-gshqtt.yaml',
      'role: cong-chuc-gshqtt\n  moments: [trong-ca]',
      'role: cong-chuc-gshqtt\n  moments: []',
    );
    const error = errorOf(copy.root);
    expect(error.issues.map((issue) => issue.file).sort()).toEqual([
      'duties/cong-chuc-gshqtt.yaml',
      'moments.yaml',
    ]);
  });

  it('accepts the real content', () => {
    expect(() => loadHandbook('content')).not.toThrow();
  });
});
