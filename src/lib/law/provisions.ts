/**
 * Turns a quoted article (as stored) into a flat, ordered list of provisions with their
 * eIds, so that everything else can look a provision up by eId.
 */
import type { Article } from '../content/schema.ts';
import { citationLabel, eIdOf, type ProvisionKind } from './eid.ts';

export interface Provision {
  eId: string;
  kind: ProvisionKind;
  /** The number as written: "7", "1", "3.1", "b". */
  num: string;
  /** Clause headings ("Lãnh đạo ca trực."), verbatim. */
  heading?: string;
  /** A point's text, verbatim. */
  text?: string;
  /** The handbook's editorial notes. */
  notes: string[];
  parent?: string;
  children: string[];
  /** "điểm b khoản 3.1 Điều 7". */
  label: string;
  /** Position in document order, from 0. */
  order: number;
}

type Point = { num: string; text: string; notes?: string[] | undefined };

/** Every provision of the article in document order: article, clauses, sub-clauses, points. */
export function provisionsOf(article: Article): Provision[] {
  const list: Provision[] = [];
  const add = (provision: Omit<Provision, 'label' | 'order' | 'children'>): Provision => {
    const full: Provision = {
      ...provision,
      children: [],
      label: citationLabel(provision.eId),
      order: list.length,
    };
    list.push(full);
    if (provision.parent) list.find((p) => p.eId === provision.parent)?.children.push(full.eId);
    return full;
  };
  const addPoints = (
    points: Point[],
    parent: string,
    address: { para: string; subpara?: string },
  ) => {
    for (const point of points) {
      add({
        eId: eIdOf({ article: article.num, ...address, point: point.num }),
        kind: 'point',
        num: point.num,
        text: point.text,
        notes: point.notes ?? [],
        parent,
      });
    }
  };

  const root = add({
    eId: eIdOf({ article: article.num }),
    kind: 'article',
    num: article.num,
    ...(article.heading ? { heading: article.heading } : {}),
    notes: article.notes ?? [],
  });
  for (const para of article.paragraphs) {
    const paraNode = add({
      eId: eIdOf({ article: article.num, para: para.num }),
      kind: 'para',
      num: para.num,
      heading: para.heading,
      notes: para.notes ?? [],
      parent: root.eId,
    });
    if (para.points) addPoints(para.points, paraNode.eId, { para: para.num });
    for (const sub of para.subparagraphs ?? []) {
      // A sub-clause numbered "2.1" under clause 3 cannot get an eId; integrity reports it.
      if (!sub.num.startsWith(`${para.num}.`)) continue;
      const subNode = add({
        eId: eIdOf({ article: article.num, para: para.num, subpara: sub.num }),
        kind: 'subpara',
        num: sub.num,
        heading: sub.heading,
        notes: sub.notes ?? [],
        parent: paraNode.eId,
      });
      addPoints(sub.points, subNode.eId, { para: para.num, subpara: sub.num });
    }
  }
  return list;
}
