import type { ReactNode } from 'react';

/** One row of a `<dl className="details">`: a label and its value (`mono` for numbers and codes). */
export function DetailRow({ label, mono = false, children }: { label: ReactNode; mono?: boolean; children: ReactNode }) {
  return (
    <div className="details__row">
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>{children}</dd>
    </div>
  );
}
