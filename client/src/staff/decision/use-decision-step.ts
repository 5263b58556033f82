import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';

/**
 * The steps of a staff decision shared by every decision panel: an optional confirmation (focus moves into it, and
 * back to the submit button when it is cancelled), the send, and its outcome. A 409 `status_changed` (someone else
 * decided first) goes to onStale; any other failure is kept as `error` and focused, never back on the submit button.
 */
export function useDecisionStep<Body, Result>({
  decide,
  onDecided,
  onStale,
}: {
  decide: (body: Body) => Promise<Result>;
  onDecided: (body: Body, result: Result) => void;
  onStale: () => void;
}) {
  const [confirming, setConfirming] = useState<Body | null>(null);
  const [error, setError] = useState<unknown>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) {
      wasConfirming.current = true;
      confirmRef.current?.focus();
    } else if (wasConfirming.current) {
      wasConfirming.current = false;
      submitRef.current?.focus();
    }
  }, [confirming]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const send = async (body: Body) => {
    setError(null);
    try {
      onDecided(body, await decide(body));
    } catch (err) {
      // Focus goes to the error (or the stale notice), not back to the submit button.
      wasConfirming.current = false;
      setConfirming(null);
      if (err instanceof ApiError && err.code === 'status_changed') onStale();
      else setError(err);
    }
  };

  return { confirming, setConfirming, error, send, confirmRef, submitRef, errorRef };
}
