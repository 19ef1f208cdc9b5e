/**
 * /bieu-mau/mau-nhat-ky.json: the journal's layout as the PDF module reads it, for the
 * journal log on role pages, which fetches it only when a PDF is asked for (kept out of
 * the page's HTML). Where each part comes from (`basis`, `notice`) is left out: /bieu-mau/
 * shows that.
 */
import type { APIRoute } from 'astro';
import { getJournalForm } from '../../data/journal.ts';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(getJournalForm(), (key, value: unknown) =>
      key === 'basis' || key === 'notice' ? undefined : value,
    ),
    {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    },
  );
