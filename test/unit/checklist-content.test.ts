import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/lib/content/errors.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { copyContent, type ContentCopy } from '../support/content-copy.ts';

function messageOf(root: string): string {
  try {
    loadHandbook(root);
  } catch (error) {
    if (error instanceof ContentError) return error.message;
    throw error;
  }
  throw new Error('Loading the broken content succeeded');
}

describe('the revision date of the checklists (content/checklists.yaml)', () => {
  let copy: ContentCopy | undefined;
  afterEach(() => copy?.remove());

  it('is read from the content', () => {
    expect(loadHandbook('content').checklistsRevised).toMatch(/^20\d\d-\d\d-\d\d$/);
  });

  it('must be a date, with file, line and what was found in the error', () => {
    copy = copyContent();
    copy.edit('checklists.yaml', 'revised: 2026-12-07', 'revised: 27/11/2026');
    const message = messageOf(copy.root);
    expect(message).toContain(
      'checklists.yaml:4 revised: expected a value that must be a date written yyyy-mm-dd (found "27/11/2026")',
    );
  });

  it('is required, and no other field is accepted', () => {
    copy = copyContent();
    copy.edit('checklists.yaml', 'revised: 2026-12-07', 'revized: 2026-12-07');
    const message = messageOf(copy.root);
    expect(message).toContain('checklists.yaml');
    expect(message).toContain('unexpected field "revized": check the spelling');
    expect(message).toMatch(/revised: expected a string: this field is required/);
  });

  it('must exist', () => {
    copy = copyContent();
    rmSync(join(copy.root, 'checklists.yaml'));
    expect(messageOf(copy.root)).toContain(
      'checklists.yaml (whole file): expected this file to exist',
    );
  });
});
