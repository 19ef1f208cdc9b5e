/**
 * The published text compared with the content. Every expected list of what cites a point
 * is read from the content's own indexes (the article page's backlinks, the drills, the
 * generated questions, the readings), never written here: the content may change.
 */
import { describe, expect, it } from 'vitest';
import { contains } from '../../src/lib/content/spans.ts';
import { loadReviewContext } from '../../src/lib/law/context.ts';
import { countPoints, diffArticle, hasChanges, wordDiff } from '../../src/lib/law/diff.ts';
import { parsePublished } from '../../src/lib/law/parse-published.ts';
import { reviewText } from '../../src/lib/law/review.ts';
import { AMENDED, amendedText, sourceText, withHeading } from '../support/law-texts.ts';

const context = loadReviewContext('content');
const { handbook, drills, questions } = context;

/** What the content's own indexes say cites `eId`. */
function citedBy(eId: string) {
  const uses = handbook.usesOf(eId);
  return {
    items: uses.filter((u) => u.kind === 'vai-tro').map((u) => u.item),
    nodes: uses.filter((u) => u.kind === 'quy-trinh').map((u) => `${u.flow}/${u.node}`),
    injects: drills.flatMap((d) =>
      d.injects.filter((i) => i.cites.includes(eId)).map((i) => `${d.id}/${i.id}`),
    ),
    questions: questions.filter((q) => q.cites.includes(eId)).map((q) => q.id),
    readings: handbook.readings.filter((r) => r.cites.includes(eId)).map((r) => r.id),
  };
}

describe('word diff', () => {
  it('marks whole words added and removed, punctuation apart, and gives the texts back', () => {
    const before = 'báo cáo, đề xuất phương án';
    const after = 'báo cáo bằng văn bản, đề xuất một phương án';
    const parts = wordDiff(before, after);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual([
      'bằng văn bản',
      'một',
    ]);
    expect(parts.filter((p) => p.kind === 'removed')).toEqual([]);
    // The parts give the new text back as it is, and the old one's words (jsdiff places the spaces).
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
    const squeezed = (text: string) => text.replace(/\s+/g, '');
    expect(
      squeezed(
        parts
          .filter((p) => p.kind !== 'added')
          .map((p) => p.text)
          .join(''),
      ),
    ).toBe(squeezed(before));
    expect(
      wordDiff('hình ảnh của hệ thống', 'hình ảnh cua hệ thống').filter((p) => p.kind !== 'same'),
    ).toEqual([
      { kind: 'removed', text: 'của' },
      { kind: 'added', text: 'cua' },
    ]);
  });
});

describe('the source’s own Article 7', () => {
  it.each([
    ['with a «Điều 7.» line', withHeading(), {}],
    ['as the web page gives it, the article named', sourceText(), { article: '7' }],
  ])('%s: every point unchanged, nothing to review', (_, text, options) => {
    const review = reviewText(parsePublished(text, options), context, 'nguon.txt');
    expect(countPoints(review.articles)).toEqual({
      unchanged: handbook.points.length,
      changed: 0,
      removed: 0,
      added: 0,
    });
    expect(review.articles[0]!.headings).toEqual([]);
    expect(hasChanges(review.articles)).toBe(false);
    expect(review.impacts.size).toBe(0);
  });

  it('counts a title the handbook does not have as a change', () => {
    const review = reviewText(
      parsePublished(withHeading('Điều 7. Nhiệm vụ')),
      context,
      'nguon.txt',
    );
    expect(review.articles[0]!.headings).toEqual([
      { eId: 'art_7', label: 'tiêu đề Điều 7', status: 'added', after: 'Nhiệm vụ' },
    ]);
    expect(hasChanges(review.articles)).toBe(true);
  });
});

describe('an amended copy: a point reworded, one removed, one added', () => {
  const review = reviewText(parsePublished(amendedText()), context, 'sua-doi.txt');
  const points = review.articles[0]!.points;
  const byStatus = (status: string) => points.filter((p) => p.status === status).map((p) => p.eId);

  it('names the three points, and only them', () => {
    expect(byStatus('changed')).toEqual([AMENDED.changed]);
    expect(byStatus('removed')).toEqual([AMENDED.removed]);
    expect(byStatus('added')).toEqual([AMENDED.added]);
    expect(byStatus('unchanged')).toHaveLength(handbook.points.length - 2);
    // In the law's order: đ after d in clause 1, the removed point where it was.
    const order = points.map((p) => p.eId);
    expect(order.indexOf(AMENDED.added)).toBe(order.indexOf('art_7__para_1__point_d') + 1);
    expect(order.at(-1)).toBe(AMENDED.removed);
    expect(review.articles[0]!.headings).toEqual([]);
  });

  it('shows the words the reworded point gains', () => {
    const changed = points.find((p) => p.eId === AMENDED.changed)!;
    expect(changed.words!.filter((w) => w.kind === 'added').map((w) => w.text.trim())).toEqual(
      AMENDED.addedWords,
    );
    expect(changed.words!.filter((w) => w.kind === 'removed')).toEqual([]);
    expect(points.find((p) => p.eId === AMENDED.added)!.after).toBe(AMENDED.addedText);
    expect(review.addedHolders.get(AMENDED.added)).toBe(
      handbook.holderOf('art_7__para_1__point_a').name,
    );
  });

  it.each([AMENDED.changed, AMENDED.removed])(
    'lists everything that cites %s, as the content’s indexes do',
    (eId) => {
      const impact = review.impacts.get(eId)!;
      const expected = citedBy(eId);
      expect(impact.items.map((i) => i.id)).toEqual(expected.items);
      expect(impact.nodes.map((n) => `${n.flow}/${n.node}`)).toEqual(expected.nodes);
      expect(impact.injects.map((i) => `${i.drill}/${i.inject}`)).toEqual(expected.injects);
      expect(impact.questions.map((q) => q.id)).toEqual(expected.questions);
      expect(impact.readings.map((r) => r.id)).toEqual(expected.readings);
      // The content cites both points: a list that came out empty would prove nothing.
      for (const list of [expected.items, expected.nodes, expected.questions])
        expect(list.length).toBeGreaterThan(0);
    },
  );

  it('names every span of a removed point, and the spans a rewording breaks', () => {
    const spansOf = (eId: string, text: string | undefined) => [
      ...handbook.duties
        .filter((d) => d.point === eId)
        .flatMap((d) =>
          d.carries.filter((s) => !text || !contains(text, s)).map((span) => `${d.id} ${span}`),
        ),
      ...handbook.flows.flatMap((f) =>
        f.steps
          .filter((s) => s.cites.includes(eId))
          .flatMap((s) =>
            s.carries
              .filter(
                (span) =>
                  contains(handbook.provision(eId).text!, span) && (!text || !contains(text, span)),
              )
              .map((span) => `${f.id}/${s.id} ${span}`),
          ),
      ),
    ];
    const broken = (eId: string) =>
      review.impacts.get(eId)!.brokenSpans.map((s) => `${s.owner} ${s.span}`);
    expect(broken(AMENDED.removed)).toEqual(spansOf(AMENDED.removed, undefined));
    const changedText = points.find((p) => p.eId === AMENDED.changed)!.after;
    expect(broken(AMENDED.changed)).toEqual(spansOf(AMENDED.changed, changedText));
    expect(broken(AMENDED.changed).length).toBeGreaterThan(0);
    // The new words no item carries yet.
    expect(review.impacts.get(AMENDED.changed)!.newlyUncarried.join(' ')).toContain('bằng văn bản');
  });
});

describe('articles and headings', () => {
  it('takes a clause added or removed as its heading added or removed', () => {
    const stored = handbook.provisions.filter(
      (p) => p.eId === 'art_7' || p.eId.startsWith('art_7__para_1'),
    );
    const published = handbook.provisions.filter(
      (p) => p.eId === 'art_7' || p.eId.startsWith('art_7__para_2'),
    );
    const diff = diffArticle('7', stored, published);
    expect(diff.headings.map((h) => [h.eId, h.status])).toEqual([
      ['art_7__para_1', 'removed'],
      ['art_7__para_2', 'added'],
    ]);
    expect(countPoints([diff])).toMatchObject({ removed: 5, added: 4, unchanged: 0 });
  });

  it('takes an article the handbook does not have as all points added', () => {
    const published = parsePublished(withHeading('Điều 9.'));
    const review = reviewText(published, context, 'dieu-9.txt');
    expect(review.articles[0]!.stored).toBe(false);
    expect(countPoints(review.articles).added).toBe(handbook.points.length);
    expect(review.notCompared).toEqual(['7']);
    expect(review.addedHolders.get('art_9__para_1__point_a')).toBe('');
  });
});
