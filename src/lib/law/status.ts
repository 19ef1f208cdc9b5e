/** How the handbook states what it knows of an instrument's validity (never "in force" unchecked). */
import type { Instrument } from '../content/schema.ts';
import { formatDateVi } from '../vi.ts';

export const STATUS_LABELS: Record<Instrument['status']['value'], string> = {
  'chua-xac-minh': 'chưa xác minh',
  'con-hieu-luc': 'còn hiệu lực (đã xác minh)',
  'het-hieu-luc': 'hết hiệu lực',
  'da-sua-doi': 'đã được sửa đổi',
};

/** "Tình trạng hiệu lực: chưa xác minh · Văn bản trích ngày 30/03/2017 · Đối chiếu lần cuối: chưa đối chiếu". */
export function statusLine(instrument: Instrument): string {
  const { value, textDate, lastVerified } = instrument.status;
  return [
    `Tình trạng hiệu lực: ${STATUS_LABELS[value]}`,
    textDate ? `Văn bản trích ngày ${formatDateVi(textDate)}` : 'Không rõ ngày của văn bản trích',
    `Đối chiếu lần cuối: ${lastVerified ? formatDateVi(lastVerified) : 'chưa đối chiếu'}`,
  ].join(' · ');
}

/** "Quy chế … ban hành kèm theo Quyết định 888/QĐ-TCHQ năm 2017": the full name, once per page. */
export function fullName(instrument: Instrument): string {
  const decision = `${instrument.kind} ${instrument.number} năm ${instrument.year}`;
  return instrument.attachment
    ? `${instrument.attachment} ban hành kèm theo ${decision}`
    : decision;
}

/** The instrument whose notice the pages show (the reorganisation of 2025), if the content has one. */
export const noticeSource = (
  instruments: readonly Instrument[],
): (Instrument & { notice: NonNullable<Instrument['notice']> }) | undefined =>
  instruments.find((i): i is Instrument & { notice: NonNullable<Instrument['notice']> } =>
    Boolean(i.notice),
  );

/**
 * When the handbook wrote a notice down, and whether anyone has read its source: "Sổ tay ghi nhận
 * ngày 07/12/2026; chưa đối chiếu với bản chính thức của Quyết định 382/QĐ-BTC ngày 26/02/2025.".
 */
export function noticeSourceLine(
  instrument: Instrument & { notice: { recordedOn: string } },
): string {
  const { lastVerified } = instrument.status;
  const checked = lastVerified
    ? `đã đối chiếu với ${instrument.title} ngày ${formatDateVi(lastVerified)}`
    : `chưa đối chiếu với bản chính thức của ${instrument.title}`;
  return `Sổ tay ghi nhận ngày ${formatDateVi(instrument.notice.recordedOn)}; ${checked}.`;
}

/**
 * The banner's one line: "Hiệu lực: chưa xác minh", and where a notice says the names are those
 * of 2017 and nobody has checked which unit holds each role now, "Hiệu lực, đơn vị: chưa xác minh"
 * (it fits one line at 390 px); a checked status keeps the names apart.
 */
export function bannerLine(instrument: Instrument, namesUnchecked: boolean): string {
  const status = STATUS_LABELS[instrument.status.value];
  if (!namesUnchecked) return `Hiệu lực: ${status}`;
  return instrument.status.value === 'chua-xac-minh'
    ? `Hiệu lực, đơn vị: ${status}`
    : `Hiệu lực: ${status} · Đơn vị: chưa xác minh`;
}
