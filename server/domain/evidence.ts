/** Evidence uploads: the content decides the type, never the file name. */
export const EVIDENCE_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

export function isEvidenceContentType(mime: string | undefined): mime is EvidenceContentType {
  return (EVIDENCE_CONTENT_TYPES as readonly string[]).includes(mime ?? '');
}

/** A file name safe to store and show: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return cleaned || 'bestand';
}
