/**
 * Loads content/forms/phu-luc-1.yaml (the duty journal's layout), validates it with
 * the schema and checks every `quote` against the cited point's verbatim text.
 * Node-only, like load.ts: the browser receives the validated form as JSON.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { canonical } from '../vi.ts';
import { ContentError, type ContentIssue, type PathSegment } from './errors.ts';
import { JOURNAL_PROVISIONS, journalFormSchema, type FormBasis, type JournalForm } from './forms-schema.ts';
import type { Handbook } from './handbook.ts';

export const JOURNAL_FORM_FILE = 'forms/phu-luc-1.yaml';

/** Reads and validates the journal form; throws a ContentError listing every problem. */
export function loadJournalForm(root: string, handbook: Pick<Handbook, 'provision' | 'holderOf'>): JournalForm {
  const file = JOURNAL_FORM_FILE;
  const absolute = join(root, file);
  const fail = (issues: ContentIssue[]): never => {
    throw new ContentError(issues, relative(process.cwd(), root) || '.');
  };
  if (!existsSync(absolute)) fail([{ file, path: [], message: 'expected this file to exist' }]);
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(absolute, 'utf8'), { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    fail(
      doc.errors.map((error) => ({
        file,
        path: [],
        line: lineCounter.linePos(error.pos[0]).line,
        message: `expected valid YAML: ${error.message.split('\n')[0]}`,
      })),
    );
  }
  const lineOf = (path: PathSegment[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const issue = (path: PathSegment[], message: string, found?: unknown): ContentIssue => {
    const entry: ContentIssue = { file, path, message };
    const line = lineOf(path);
    if (line !== undefined) entry.line = line;
    if (found !== undefined) entry.found = found;
    return entry;
  };

  const result = journalFormSchema.safeParse(doc.toJS(), { reportInput: true });
  if (!result.success) {
    fail(
      result.error.issues.map((zodIssue) =>
        issue(
          zodIssue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
          `expected ${zodIssue.message}`,
          zodIssue.code === 'unrecognized_keys' ? undefined : zodIssue.input,
        ),
      ),
    );
  }
  const form = result.data as JournalForm;
  const issues = checkQuotes(form, handbook).map(({ path, message, found }) => issue(path, message, found));
  const ids = new Set<string>();
  for (const { path, id } of fieldIds(form)) {
    if (ids.has(id)) issues.push(issue(path, 'expected a field id used once in the form', id));
    ids.add(id);
  }
  // A name filled from a shift run belongs to a role that keeps the journal (holds point 1 e or 2 d).
  const keepers = journalKeepers(handbook);
  form.fields.forEach((line, i) =>
    line.forEach((field, j) => {
      if (field.holder !== undefined && !keepers.includes(field.holder)) {
        issues.push(issue(['fields', i, j, 'holder'], `expected the role holding point 1 e or 2 d (${keepers.join(', ')})`, field.holder));
      }
    }),
  );
  if (issues.length > 0) fail(issues);
  return form;
}

/** The roles that keep the journal: those holding point 1 e or 2 d. Their role pages get the journal log. */
export const journalKeepers = (handbook: Pick<Handbook, 'holderOf'>): string[] => [
  ...new Set(JOURNAL_PROVISIONS.map((eId) => handbook.holderOf(eId).id)),
];

/** Every basis in the form, with its path. */
function bases(form: JournalForm): { path: PathSegment[]; basis: FormBasis }[] {
  const list: { path: PathSegment[]; basis: FormBasis }[] = [];
  form.header.agency.forEach((line, i) =>
    list.push('text' in line ? { path: ['header', 'agency', i, 'basis'], basis: line.basis } : { path: ['header', 'agency', i, 'field', 'basis'], basis: line.field.basis }),
  );
  list.push({ path: ['header', 'motto', 'basis'], basis: form.header.motto.basis });
  list.push({ path: ['header', 'title', 'basis'], basis: form.header.title.basis });
  form.fields.forEach((line, i) => line.forEach((field, j) => list.push({ path: ['fields', i, j, 'basis'], basis: field.basis })));
  form.table.columns.forEach((column, i) => list.push({ path: ['table', 'columns', i, 'basis'], basis: column.basis }));
  list.push({ path: ['signature', 'basis'], basis: form.signature.basis });
  return list;
}

function fieldIds(form: JournalForm): { path: PathSegment[]; id: string }[] {
  const list: { path: PathSegment[]; id: string }[] = [];
  form.header.agency.forEach((line, i) => 'field' in line && list.push({ path: ['header', 'agency', i, 'field', 'id'], id: line.field.id }));
  form.fields.forEach((line, i) => line.forEach((field, j) => list.push({ path: ['fields', i, j, 'id'], id: field.id })));
  form.table.columns.forEach((column, i) => list.push({ path: ['table', 'columns', i, 'id'], id: column.id }));
  return list;
}

/** A quote must be the cited point's own words: found, after whitespace folding, in one of the cited points. */
export function checkQuotes(form: JournalForm, handbook: Pick<Handbook, 'provision'>): { path: PathSegment[]; message: string; found?: unknown }[] {
  const problems: { path: PathSegment[]; message: string; found?: unknown }[] = [];
  for (const { path, basis } of bases(form)) {
    const texts = (basis.cites ?? []).map((eId) => {
      try {
        return canonical(handbook.provision(eId).text ?? '');
      } catch {
        problems.push({ path: [...path, 'cites'], message: 'expected the eId of a provision of the quoted law', found: eId });
        return '';
      }
    });
    if (basis.quote !== undefined && !texts.some((t) => t.includes(canonical(basis.quote!)))) {
      problems.push({
        path: [...path, 'quote'],
        message: 'expected words found verbatim in one of the cited points (or use "layoutChoice" where the text is silent)',
        found: basis.quote,
      });
    }
  }
  return problems;
}
