/**
 * The journal's form and fonts, read from disk once (Node only): for the build, the
 * page /bieu-mau/ and the tests (the command line reads them afresh in src/lib/journal/cli.ts).
 * The browser gets the same form as JSON in the page and the fonts as assets.
 */
import { loadJournalForm } from '../lib/content/forms.ts';
import type { JournalForm } from '../lib/content/forms-schema.ts';
import { contentRoot } from '../lib/content/root.ts';
import { getHandbook } from './handbook.ts';
import {
  BLANK_JOURNALS,
  buildJournal,
  timestampFromEpoch,
  type JournalFonts,
} from '../lib/journal/index.ts';
import { readJournalFonts } from '../lib/journal/font-files.ts';

const forms = new Map<string, JournalForm>();
let fonts: JournalFonts | undefined;

/** The validated form of content/forms/phu-luc-1.yaml under `root`; throws a ContentError. */
export function getJournalForm(root = contentRoot()): JournalForm {
  let form = forms.get(root);
  if (!form) {
    form = loadJournalForm(root, getHandbook(root));
    forms.set(root, form);
  }
  return form;
}

/** The fonts, from the project root (the working directory of the build and of npm scripts). */
export function getJournalFonts(projectRoot = process.cwd()): JournalFonts {
  fonts ??= readJournalFonts(projectRoot);
  return fonts;
}

export interface BlankJournal {
  file: string;
  pages: number;
  bytes: Uint8Array;
}

/**
 * The blank journals of the site, built the same way by the page (for their sizes) and
 * by the build integration (to write them): same inputs, same bytes (SOURCE_DATE_EPOCH
 * dates them, if set).
 */
export async function buildBlankJournals(): Promise<BlankJournal[]> {
  const timestamp = timestampFromEpoch(process.env.SOURCE_DATE_EPOCH);
  const journalForm = getJournalForm();
  const journalFonts = getJournalFonts();
  return Promise.all(
    BLANK_JOURNALS.map(async ({ file, pages }) => ({
      file,
      pages,
      bytes: await buildJournal(journalForm, { pages, timestamp }, journalFonts),
    })),
  );
}
