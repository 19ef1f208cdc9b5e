/**
 * Text limits checked where the text is typed, never by cutting it (no maxlength: a paste
 * over the limit, or a tone mark typed at it, would be cut without a word). A field with
 * `data-max` over its limit gets aria-invalid and, just after it, the count and what to do.
 */
import { textTooLong } from '../lib/text-limit.ts';

type TextField = HTMLInputElement | HTMLTextAreaElement;

export function checkLength(field: EventTarget | null): void {
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
  const max = Number((field as TextField).dataset.max);
  if (!max) return;
  const count = field.value.normalize('NFC').length;
  let out = field.nextElementSibling;
  if (!out?.hasAttribute('data-max-error')) {
    if (count <= max) return;
    out = document.createElement('p');
    out.className = 'field-error';
    out.setAttribute('data-max-error', '');
    out.id = `${field.id}-qua-dai`;
    field.after(out);
  }
  const over = count > max;
  out.textContent = over ? textTooLong(max, count) : '';
  out.toggleAttribute('hidden', !over);
  if (over) field.setAttribute('aria-invalid', 'true');
  else field.removeAttribute('aria-invalid');
  const described = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  if (!described.includes(out.id))
    field.setAttribute('aria-describedby', [...described, out.id].join(' '));
}
