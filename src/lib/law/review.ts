/**
 * The review of a published text against the handbook: the diff of each article it holds,
 * and for each changed or removed point what in the handbook cites it. The terminal report
 * and the HTML page are two renderings of this one value.
 */
import type { Article } from '../content/schema.ts';
import { diffArticle, type ArticleDiff } from './diff.ts';
import { eIdOf, isWithin } from './eid.ts';
import { impactOf, type Impact, type ReviewContext } from './impact.ts';
import { toArticle } from './import.ts';
import type { LeftOut, PublishedText } from './parse-published.ts';
import { provisionsOf } from './provisions.ts';

export interface Review {
  /** The published text's file name, as given. */
  file: string;
  articles: ArticleDiff[];
  /** For each changed or removed point, by eId. */
  impacts: Map<string, Impact>;
  /** The role holding the clause of each added point, where one does ("" where none does yet). */
  addedHolders: Map<string, string>;
  /** Articles the handbook stores that the text does not hold: not compared. */
  notCompared: string[];
  leftOut: LeftOut[];
}

export function reviewText(published: PublishedText, context: ReviewContext, file: string): Review {
  const { handbook } = context;
  const now = new Map(handbook.provisions.map((p) => [p.eId, p]));
  const articles: ArticleDiff[] = [];
  for (const article of published.articles) {
    const eId = eIdOf({ article: article.num });
    const before = handbook.provisions.filter((p) => isWithin(p.eId, eId));
    const info = handbook.articles.find((a) => a.provision.eId === eId);
    // The ids only name where the text comes from; the comparison reads the provisions.
    const refs = { instrument: info?.instrument.id ?? 'van-ban-moi', source: 'van-ban-moi' };
    const after = provisionsOf(toArticle(article, refs) satisfies Article);
    for (const old of before) now.delete(old.eId);
    for (const provision of after) now.set(provision.eId, provision);
    articles.push(diffArticle(article.num, before, after));
  }

  const impacts = new Map<string, Impact>();
  const addedHolders = new Map<string, string>();
  for (const diff of articles) {
    for (const point of diff.points) {
      if (point.status === 'changed' || point.status === 'removed')
        impacts.set(point.eId, impactOf(point.eId, context, now));
      if (point.status === 'added') addedHolders.set(point.eId, holderName(context, point.eId));
    }
  }
  const compared = new Set(published.articles.map((a) => eIdOf({ article: a.num })));
  return {
    file,
    articles,
    impacts,
    addedHolders,
    notCompared: handbook.articles
      .map((a) => a.provision)
      .filter((p) => !compared.has(p.eId))
      .map((p) => p.num),
    leftOut: published.leftOut,
  };
}

/** The role that holds the clause an added point falls in, if the handbook has one. */
function holderName(context: ReviewContext, pointEId: string): string {
  for (let end = pointEId.lastIndexOf('__'); end > 0; end = pointEId.lastIndexOf('__', end - 1)) {
    const holder = context.handbook.clauseHolder(pointEId.slice(0, end));
    if (holder) return holder.name;
  }
  return '';
}
