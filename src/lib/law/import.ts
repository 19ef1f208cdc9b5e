/**
 * A published article as content in the project's schema (content/articles/*.yaml): each
 * point verbatim under its number (the eId follows from it), headings kept, the instrument
 * and the source it comes from named by their ids. The YAML is checked with the same schema
 * the build uses before anyone sees it.
 */
import { Document } from 'yaml';
import { articleSchema, type Article } from '../content/schema.ts';
import { canonical } from '../vi.ts';
import type { PublishedArticle } from './parse-published.ts';

/** Where an imported article comes from: ids of instruments.yaml and sources/sources.yaml. */
export interface ArticleRefs {
  instrument: string;
  source: string;
}

/** The article in the content's schema. Text is NFC with single spaces, as the build compares it. */
export function toArticle(published: PublishedArticle, refs: ArticleRefs): Article {
  const points = (list: { num: string; text: string }[]) =>
    list.map((point) => ({ num: point.num, text: canonical(point.text) }));
  return articleSchema.parse({
    num: published.num,
    ...(published.heading ? { heading: canonical(published.heading) } : {}),
    instrument: refs.instrument,
    source: refs.source,
    paragraphs: published.paragraphs.map((para) => ({
      num: para.num,
      heading: canonical(para.heading),
      ...(para.subparagraphs.length > 0
        ? {
            subparagraphs: para.subparagraphs.map((sub) => ({
              num: sub.num,
              heading: canonical(sub.heading),
              points: points(sub.points),
            })),
          }
        : { points: points(para.points) }),
    })),
  });
}

/** The article file's text: `comment` lines first (as # comments), then the article, strings in double quotes. */
export function articleYaml(article: Article, comment: readonly string[] = []): string {
  const doc = new Document(article);
  if (comment.length > 0) doc.commentBefore = comment.map((line) => ` ${line}`).join('\n');
  return doc.toString({ lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}
