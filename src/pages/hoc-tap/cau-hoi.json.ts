/**
 * /hoc-tap/cau-hoi.json: the practice questions with what their feedback shows (the cited
 * provisions verbatim, the readings they rest on, role names), fetched by the practice page
 * only when practice starts, so that its first visit stays small.
 */
import type { APIRoute } from 'astro';
import { getHandbook } from '../../data/handbook.ts';
import { getLearning } from '../../data/learning.ts';
import { routes } from '../../lib/site/routes.ts';
import { url } from '../../components/url.ts';

export const GET: APIRoute = async () => {
  const handbook = getHandbook();
  const { questions } = await getLearning();
  const cited = [...new Set(questions.flatMap((q) => q.cites))];
  const provisions = Object.fromEntries(
    cited.map((eId) => {
      const p = handbook.provision(eId);
      return [
        eId,
        {
          label: p.label,
          text: p.kind === 'point' ? `${p.num}) ${p.text}` : (p.heading ?? ''),
          href: url(routes.article(eId)),
        },
      ];
    }),
  );
  const readings = Object.fromEntries(
    [...new Set(questions.flatMap((q) => q.readings))].map((id) => [id, handbook.reading(id).text]),
  );
  const holders = Object.fromEntries(
    handbook.points.map((p) => [p.eId, handbook.holderOf(p.eId).id]),
  );
  const roles = Object.fromEntries(handbook.roles.map((r) => [r.id, r.name]));
  return new Response(JSON.stringify({ questions, provisions, readings, holders, roles }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
