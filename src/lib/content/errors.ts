/**
 * Content errors that teach: every problem names the file, the field path, what was
 * found and what was expected — the build prints them all at once, then stops.
 */

export type PathSegment = string | number;

export interface ContentIssue {
  /** Path relative to the content root, e.g. "duties/lanh-dao-ca-truc.yaml". */
  file: string;
  /** Field path inside the file, e.g. [3, "moments", 0]. */
  path: PathSegment[];
  /** 1-based line in the file, where it is known. */
  line?: number | undefined;
  /** What is wrong, phrased as what was expected. */
  message: string;
  /** The offending value, where there is one. */
  found?: unknown;
}

/** "[3].moments[0]" — the way a reader finds the field in the YAML. */
export function formatPath(path: PathSegment[]): string {
  if (path.length === 0) return '(whole file)';
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}

function formatFound(found: unknown): string {
  if (found === undefined) return 'nothing';
  const json = JSON.stringify(found);
  if (json === undefined) return String(found);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

export function formatIssue(issue: ContentIssue): string {
  const where = `${issue.file}${issue.line ? `:${issue.line}` : ''}`;
  const found = 'found' in issue ? ` (found ${formatFound(issue.found)})` : '';
  return `${where} ${formatPath(issue.path)}: ${issue.message}${found}`;
}

export class ContentError extends Error {
  readonly issues: ContentIssue[];
  constructor(issues: ContentIssue[], root: string) {
    const lines = issues.map((issue) => `  ✗ ${formatIssue(issue)}`);
    super(
      `The handbook's content has ${issues.length} problem${issues.length === 1 ? '' : 's'} ` +
        `(content root: ${root}). Nothing was built.\n${lines.join('\n')}`,
    );
    this.name = 'ContentError';
    this.issues = issues;
    // The message says where the problem is; a stack trace into the loader would only distract.
    this.stack = `${this.name}: ${this.message}`;
  }
}
