import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RequireLogin } from '../../components/RequireLogin.js';
import { useDocumentTitle } from '../../lib/hooks.js';

/**
 * A page under /cpd: the way back to the overview, the page's title (as heading unless the body names itself, as an
 * activity's detail does), and the body once a registrant is logged in.
 */
export function CpdSubpage({ title, heading = true, children }: { title: string; heading?: boolean; children: () => ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <>
      <p>
        <Link className="back-link" to="/cpd">
          {t('cpd.detail.back')}
        </Link>
      </p>
      {heading ? <h1>{title}</h1> : null}
      <RequireLogin role="registrant">{children}</RequireLogin>
    </>
  );
}
