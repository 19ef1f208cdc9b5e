/**
 * Reads the content root (YAML + the source copy), validates every file with the
 * schemas, and returns each entry with where it came from. Node-only: used at build
 * time and by the scripts, never shipped to the browser.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ContentError, type ContentIssue, type PathSegment } from './errors.ts';
import {
  articleSchema,
  checklistsSchema,
  drillSchema,
  dutySchema,
  flowSchema,
  instrumentSchema,
  momentSchema,
  pointWordsSchema,
  readingSchema,
  roleSchema,
  sourceSchema,
  type Article,
  type Checklists,
  type Drill,
  type Duty,
  type Flow,
  type Instrument,
  type Moment,
  type PointWords,
  type Reading,
  type Role,
  type Source,
} from './schema.ts';

/** A validated entry and its place in the content tree, for error messages. */
export interface Located<T> {
  value: T;
  file: string;
  path: PathSegment[];
  /** Line of the entry in its file. */
  line?: number | undefined;
  /** Line of a field in the entry's file, for messages about it. */
  lineOf?: (path: PathSegment[]) => number | undefined;
}

export interface ContentSet {
  root: string;
  sources: Located<Source & { text: string }>[];
  instruments: Located<Instrument>[];
  articles: Located<Article>[];
  roles: Located<Role>[];
  moments: Located<Moment>[];
  duties: Located<Duty>[];
  /** checklists.yaml: what holds for all role checklists (their revision date). */
  checklists?: Located<Checklists> | undefined;
  /** Decision flows, one per file in flows/ (the folder is optional). */
  flows: Located<Flow>[];
  /** Training drills: the frontmatter of each drills/<id>.mdx (the folder is optional). */
  drills: Located<Drill & { id: string }>[];
  /** The handbook's readings (readings.yaml; the file is optional). */
  readings: Located<Reading>[];
  /** A few of each point's own words that name it (point-words.yaml; the file is optional). */
  pointWords: Located<PointWords>[];
  /** Form layouts (forms/*.yaml), unvalidated here (forms.ts does that): scanned for quotations. */
  forms: Located<unknown>[];
  /** The MDX bodies of drills and pages: prose, scanned for quotations. */
  prose: Prose[];
}

/** The body of an MDX file, below its frontmatter. */
export interface Prose {
  file: string;
  text: string;
  /** Line of the body's first line in the file. */
  line: number;
}

interface YamlFile {
  file: string;
  data: unknown;
  lineOf: (path: PathSegment[]) => number | undefined;
}

/** The YAML between the opening and closing "---" lines of an MDX file (it starts on line 2). */
const FRONTMATTER = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

function readYaml(root: string, file: string, issues: ContentIssue[], frontmatter = false): YamlFile | undefined {
  const absolute = join(root, file);
  if (!existsSync(absolute)) {
    issues.push({ file, path: [], message: 'expected this file to exist' });
    return undefined;
  }
  let source = readFileSync(absolute, 'utf8');
  if (frontmatter) {
    const match = FRONTMATTER.exec(source);
    if (!match) {
      issues.push({ file, path: [], line: 1, message: 'expected the file to start with YAML frontmatter between two "---" lines' });
      return undefined;
    }
    source = match[1] ?? '';
  }
  const offset = frontmatter ? 1 : 0;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = lineCounter.linePos(error.pos[0]).line + offset;
      issues.push({ file, path: [], line, message: `expected valid YAML: ${error.message.split('\n')[0]}` });
    }
    return undefined;
  }
  const lineOf = (path: PathSegment[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line + offset;
    }
    return undefined;
  };
  return { file, data: doc.toJS(), lineOf };
}

/** The MDX bodies of the files in `dir` (missing folder: none). */
function proseIn(root: string, dir: string): Prose[] {
  const absolute = join(root, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .flatMap((name) => {
      const source = readFileSync(join(absolute, name), 'utf8');
      const match = FRONTMATTER.exec(source);
      if (!match) return [];
      const line = source.slice(0, match[0].length).split('\n').length;
      return [{ file: `${dir}/${name}`, text: source.slice(match[0].length), line }];
    });
}

/** Validates one value; on failure records one issue per zod issue, with the value found. */
function validate<T>(
  schema: z.ZodType<T>,
  value: unknown,
  yaml: YamlFile,
  basePath: PathSegment[],
  issues: ContentIssue[],
): T | undefined {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = [...basePath, ...issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment))];
    const entry: ContentIssue = { file: yaml.file, path, message: describeZodIssue(issue) };
    const line = yaml.lineOf(path);
    if (line !== undefined) entry.line = line;
    if (issue.code !== 'unrecognized_keys') entry.found = issue.input;
    // A discriminated union reports the whole entry; the field it names is what was found.
    if (issue.code === 'invalid_union' && 'discriminator' in issue && typeof issue.discriminator === 'string') {
      entry.found = (issue.input as Record<string, unknown> | undefined)?.[issue.discriminator];
    }
    issues.push(entry);
  }
  return undefined;
}

function describeZodIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}${issue.input === undefined ? ': this field is required' : ''}`;
    case 'invalid_value':
      return `expected one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unexpected field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}: check the spelling`;
    case 'too_small':
      return issue.origin === 'array' ? `expected at least ${String(issue.minimum)} item(s): ${issue.message}` : `expected ${issue.message}`;
    default:
      return `expected a value that ${issue.message}`;
  }
}

function validateList<T>(
  schema: z.ZodType<T>,
  yaml: YamlFile | undefined,
  issues: ContentIssue[],
): Located<T>[] {
  if (!yaml) return [];
  if (!Array.isArray(yaml.data)) {
    issues.push({ file: yaml.file, path: [], message: 'expected a YAML list (entries starting with "- ")', found: yaml.data });
    return [];
  }
  const located: Located<T>[] = [];
  yaml.data.forEach((item: unknown, index: number) => {
    const value = validate(schema, item, yaml, [index], issues);
    if (value !== undefined) located.push({ value, file: yaml.file, path: [index], line: yaml.lineOf([index]), lineOf: yaml.lineOf });
  });
  return located;
}

function yamlFilesIn(root: string, dir: string, issues: ContentIssue[], extension = '.yaml'): string[] {
  const absolute = join(root, dir);
  if (!existsSync(absolute)) {
    issues.push({ file: `${dir}/`, path: [], message: 'expected this folder to exist' });
    return [];
  }
  return readdirSync(absolute)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => `${dir}/${name}`);
}

function loadSources(root: string, issues: ContentIssue[]): ContentSet['sources'] {
  const yaml = readYaml(root, 'sources/sources.yaml', issues);
  return validateList(sourceSchema, yaml, issues).flatMap((entry) => {
    const { file, sha256 } = entry.value;
    const absolute = join(root, 'sources', file);
    if (!existsSync(absolute)) {
      issues.push({ file: entry.file, path: [...entry.path, 'file'], line: entry.lineOf?.([...entry.path, 'file']), message: `expected sources/${file} to exist`, found: file });
      return [];
    }
    const bytes = readFileSync(absolute);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) {
      issues.push({
        file: entry.file,
        path: [...entry.path, 'sha256'],
        line: entry.lineOf?.([...entry.path, 'sha256']),
        message: `expected the SHA-256 of sources/${file}, which is ${actual}: the source copy must not be edited`,
        found: sha256,
      });
      return [];
    }
    return [{ ...entry, value: { ...entry.value, text: bytes.toString('utf8') } }];
  });
}

/** Loads and validates every content file; throws one ContentError listing every problem. */
export function loadContent(root: string): ContentSet {
  const issues: ContentIssue[] = [];
  const set: ContentSet = {
    root,
    sources: loadSources(root, issues),
    instruments: validateList(instrumentSchema, readYaml(root, 'instruments.yaml', issues), issues),
    articles: yamlFilesIn(root, 'articles', issues).flatMap((file) => {
      const yaml = readYaml(root, file, issues);
      const value = yaml && validate(articleSchema, yaml.data, yaml, [], issues);
      return value ? [{ value, file, path: [], lineOf: yaml.lineOf }] : [];
    }),
    roles: validateList(roleSchema, readYaml(root, 'roles.yaml', issues), issues),
    moments: validateList(momentSchema, readYaml(root, 'moments.yaml', issues), issues),
    duties: yamlFilesIn(root, 'duties', issues).flatMap((file) =>
      validateList(dutySchema, readYaml(root, file, issues), issues),
    ),
    checklists: ((yaml) => {
      const value = yaml && validate(checklistsSchema, yaml.data, yaml, [], issues);
      return value && yaml ? { value, file: yaml.file, path: [], lineOf: yaml.lineOf } : undefined;
    })(readYaml(root, 'checklists.yaml', issues)),
    flows: (existsSync(join(root, 'flows')) ? yamlFilesIn(root, 'flows', issues) : []).flatMap((file) => {
      const yaml = readYaml(root, file, issues);
      const value = yaml && validate(flowSchema, yaml.data, yaml, [], issues);
      return value ? [{ value, file, path: [], lineOf: yaml.lineOf }] : [];
    }),
    drills: (existsSync(join(root, 'drills')) ? yamlFilesIn(root, 'drills', issues, '.mdx') : []).flatMap((file) => {
      const yaml = readYaml(root, file, issues, true);
      const value = yaml && validate(drillSchema, yaml.data, yaml, [], issues);
      return value ? [{ value: { ...value, id: basename(file, '.mdx') }, file, path: [], lineOf: yaml.lineOf }] : [];
    }),
    readings: existsSync(join(root, 'readings.yaml')) ? validateList(readingSchema, readYaml(root, 'readings.yaml', issues), issues) : [],
    pointWords: existsSync(join(root, 'point-words.yaml'))
      ? validateList(pointWordsSchema, readYaml(root, 'point-words.yaml', issues), issues)
      : [],
    forms: (existsSync(join(root, 'forms')) ? yamlFilesIn(root, 'forms', issues) : []).flatMap((file) => {
      const yaml = readYaml(root, file, issues);
      return yaml ? [{ value: yaml.data, file, path: [], lineOf: yaml.lineOf }] : [];
    }),
    prose: [...proseIn(root, 'drills'), ...proseIn(root, 'pages')],
  };
  if (issues.length > 0) throw new ContentError(issues, relative(process.cwd(), root) || '.');
  return set;
}
