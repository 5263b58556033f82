import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { greetingName, useLogout, useMe } from '../../api/me.js';
import { LanguageSwitch } from './LanguageSwitch.js';

function AuthControl() {
  const { t } = useTranslation();
  const { state } = useMe();
  const navigate = useNavigate();
  const logout = useLogout();

  if (state.status === 'loading') return null;

  if (state.status !== 'authenticated') {
    return (
      <a className="header__login" href="/auth/login">
        {t('nav.login')}
      </a>
    );
  }

  const onLogout = () => logout.mutate(undefined, { onSuccess: () => void navigate('/') });

  return (
    <div className="header__user">
      <span className="header__user-name">{t('nav.loggedInAs', { name: greetingName(state.me) })}</span>
      <button type="button" className="button button--header" onClick={onLogout} disabled={logout.isPending}>
        {logout.isPending ? t('nav.loggingOut') : t('nav.logout')}
      </button>
      {logout.isError ? (
        <span className="header__error" role="alert">
          {t('nav.logoutFailed')}
        </span>
      ) : null}
    </div>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const { state: meState } = useMe();
  const isStaff = meState.status === 'authenticated' && meState.me.roles.includes('staff');
  const isProvider = meState.status === 'authenticated' && meState.me.roles.includes('provider');
  const isOrganisationMember = meState.status === 'authenticated' && (['provider', 'employer', 'municipality'] as const).some((r) => meState.me.roles.includes(r));
  const isRegistrant = meState.status === 'authenticated' && meState.me.roles.includes('registrant');
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // On client-side navigation move focus to <main> so screen-reader users land on the new page.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <header className="header">
        <div className="container header__inner">
          <Link to="/" className="header__brand">
            <span className="header__name">{t('app.name')}</span>
            <span className="header__tagline">{t('app.tagline')}</span>
          </Link>
          <div className="header__tools">
            <AuthControl />
            <LanguageSwitch />
          </div>
        </div>
        <nav className="nav" aria-label={t('nav.label')}>
          <ul className="container nav__list">
            <li>
              <NavLink to="/register" className="nav__link">
                {t('nav.register')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/agenda" className="nav__link">
                {t('accreditation.nav.agenda')}
              </NavLink>
            </li>
            {isProvider ? (
              <li>
                <NavLink to="/provider/accreditations" className="nav__link">
                  {t('accreditation.nav.accreditations')}
                </NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to="/account" className="nav__link">
                {t('nav.account')}
              </NavLink>
            </li>
            {isOrganisationMember ? (
              <li>
                <NavLink to="/provider" end className="nav__link">
                  {t('organisations.nav.organisation')}
                </NavLink>
              </li>
            ) : null}
            {isRegistrant ? (
              <li>
                <NavLink to="/cpd" className="nav__link">
                  {t('cpd.nav')}
                </NavLink>
              </li>
            ) : null}
            {isStaff ? (
              <li>
                <NavLink to="/staff" end className="nav__link">
                  {t('nav.staff')}
                </NavLink>
              </li>
            ) : null}
            {isStaff ? (
              <li>
                <NavLink to="/staff/cpd" className="nav__link">
                  {t('nav.staffCpd')}
                </NavLink>
              </li>
            ) : null}
            {isStaff ? (
              <li>
                <NavLink to="/staff/organisations" className="nav__link">
                  {t('organisations.nav.staffOrganisations')}
                </NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      </header>
      <main id="main" className="main container" tabIndex={-1} ref={mainRef}>
        <Outlet />
      </main>
      <footer className="footer">
        <div className="container">
          <p>{t('footer.text')}</p>
        </div>
      </footer>
    </>
  );
}
