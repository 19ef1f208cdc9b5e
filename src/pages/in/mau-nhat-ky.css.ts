/**
 * /in/mau-nhat-ky.css: the widths of the blank journal the booklet draws, from the form's
 * layout (src/lib/booklet/journal-css.ts), linked by /in/ alone.
 */
import type { APIRoute } from 'astro';
import { getJournalForm } from '../../data/journal.ts';
import { journalFormCss } from '../../lib/booklet/journal-css.ts';

export const GET: APIRoute = () =>
  new Response(journalFormCss(getJournalForm()), {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
