import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * An inline "are you sure?" that takes the place of its trigger button in a table row. Without help the focus is
 * lost twice (the trigger goes when the question appears, the question goes when it is answered); here it moves to
 * the question's cancel button when it opens, and back to the row's trigger when it closes — or, when the row no
 * longer has one (the member was removed, the token revoked), to the fallback (the section's heading).
 */
export function useInlineConfirm() {
  const [confirming, setConfirming] = useState<string | null>(null);
  const last = useRef<string | null>(null);
  const triggers = useRef(new Map<string, HTMLButtonElement>());
  const fallbackRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming !== null) {
      last.current = confirming;
      return;
    }
    const id = last.current;
    last.current = null;
    if (id !== null) (triggers.current.get(id) ?? fallbackRef.current)?.focus();
  }, [confirming]);
  /** The cancel button of the open question: focused when it appears. */
  const cancelRef = useCallback((el: HTMLButtonElement | null) => el?.focus(), []);
  /** The row's trigger button, to come back to. */
  const triggerRef = useCallback(
    (id: string) => (el: HTMLButtonElement | null) => {
      if (el) triggers.current.set(id, el);
      else triggers.current.delete(id);
    },
    [],
  );
  return { confirming, setConfirming, cancelRef, triggerRef, fallbackRef };
}
