/** Evidence uploads: the content decides the type, never the file name. */
export const EVIDENCE_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

export function isEvidenceContentType(mime: string | undefined): mime is EvidenceContentType {
  return (EVIDENCE_CONTENT_TYPES as readonly string[]).includes(mime ?? '');
}

/**
 * A file name safe to store and show: no path, no control characters, no text-direction controls (which would
 * show "vog<RLO>fdp.exe" as "vogexe.pdf" to staff), at most 200 characters.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '').trim().slice(0, 200);
  return cleaned || 'bestand';
}
