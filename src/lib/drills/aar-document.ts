/**
 * The after-action report as a document to file (the PDF, and the page printed): its title
 * under the heading (src/lib/documents/heading.ts), and who signs it. The handbook's own
 * layout: Article 7 says nothing of drills. Apart from aar.ts, whose code the class view and
 * the trainer page ship: only the PDF writer and the page's build need these words.
 */
export const AAR_DOCUMENT = {
  title: 'BÁO CÁO SAU DIỄN TẬP',
  signers: ['NGƯỜI LẬP', 'NGƯỜI DUYỆT'],
  signHint: '(Ký, ghi rõ họ tên)',
} as const;
