import { z } from 'zod';

/**
 * Text people type into the system. Every text input is built from these blocks, so a rule about characters is
 * decided once: control characters never reach the database (Postgres refuses NUL and answered 500), and names,
 * which the public register and the certificate show to strangers, cannot reorder what is displayed around them.
 */

/** C0 and C1 control characters and DEL, except tab and newline. */
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_TAB_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** Also tab and newline: for text that is one line. */
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Bidirectional embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, LRM, RLM, ALM). */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
/** Half of a surrogate pair without its other half: not a character in UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const TEXT_MESSAGES = {
  control: 'Remove the control characters (only line breaks and tabs are allowed).',
  controlSingleLine: 'Use one line without control characters (no line breaks or tabs).',
  bidi: 'Remove the invisible text-direction characters.',
  malformed: 'The text contains an incomplete character.',
} as const;

interface Bounds {
  /** At least this many characters after trimming (default 1: required). */
  min?: number;
  max: number;
}

function bounded({ min = 1, max }: Bounds) {
  const base = z.string().trim();
  return (min > 0 ? base.min(min, min === 1 ? 'Fill this in.' : `Use at least ${min} characters.`) : base)
    .max(max, `Use at most ${max} characters.`)
    .refine((s) => !LONE_SURROGATE.test(s), TEXT_MESSAGES.malformed);
}

/** Multi-line free text (a reason, a question, a note): line breaks and tabs allowed, other control characters not. */
export function freeText(bounds: Bounds) {
  return bounded(bounds).refine((s) => !CONTROL_EXCEPT_TAB_NEWLINE.test(s), TEXT_MESSAGES.control);
}

/** One line of text (a case reference, a search term): no control characters at all. */
export function singleLineText(bounds: Bounds) {
  return bounded(bounds).refine((s) => !ANY_CONTROL.test(s), TEXT_MESSAGES.controlSingleLine);
}

/** A part of a person's name: one line, and no bidirectional controls that would reorder the public entry. */
export function personName(bounds: Bounds) {
  return singleLineText(bounds).refine((s) => !BIDI_CONTROL.test(s), TEXT_MESSAGES.bidi);
}

/**
 * A name that arrives from elsewhere (the login provider's claims) and cannot be refused with a 400: control and
 * text-direction characters are dropped and whitespace collapsed, since it becomes the first name of a new person.
 */
export function cleanReceivedName(text: string): string {
  return text
    .replace(new RegExp(ANY_CONTROL.source, 'g'), ' ')
    .replace(new RegExp(BIDI_CONTROL.source, 'g'), '')
    .replace(new RegExp(LONE_SURROGATE.source, 'g'), '')
    .replace(/\s+/g, ' ')
    .trim();
}
