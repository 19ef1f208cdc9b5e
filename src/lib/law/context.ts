/** The handbook as a review of the law needs it, loaded from a content root (Node only). */
import { resolveHandbook } from '../content/handbook.ts';
import { loadContent } from '../content/load.ts';
import { generateQuestions } from '../learning/questions.ts';
import type { ReviewContext } from './impact.ts';

/** Loads and checks the content under `root` (throws a ContentError), with its drills and the questions it generates. */
export function loadReviewContext(root: string): ReviewContext {
  const set = loadContent(root);
  const handbook = resolveHandbook(set);
  const drills = set.drills.map((d) => d.value);
  return { handbook, drills, questions: generateQuestions(handbook, drills) };
}
