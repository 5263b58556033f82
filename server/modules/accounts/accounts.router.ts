import { Router, type RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import { findAccountView } from '../../db/repositories/accounts.repository.js';
import { authenticateOidc, SESSION_COOKIE } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { presentMe } from './accounts.presenter.js';

export function authRouter(config: { secureCookies: boolean }): Router {
  const router = Router();
  router.get('/login', authenticateOidc({}));
  router.get('/callback', authenticateOidc({ failureRedirect: '/account?login=failed', successReturnToOrRedirect: '/account', failureMessage: false }));
  router.post('/logout', (req, res, next) => {
    req.logout((err) => {
      if (err) return next(err);
      req.session.destroy((destroyErr) => {
        if (destroyErr) return next(destroyErr);
        res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
        res.status(204).end();
      });
    });
  });
  return router;
}

export function meRouter(db: DataSource): Router {
  const router = Router();
  const handler: RequestHandler = async (req, res) => {
    res.set('Cache-Control', 'no-store');
    // Anonymous is an answer, not an error: every public page asks, and a 401 would log a console error each time.
    if (!req.user) {
      res.json({ account: null, roles: [], person: null });
      return;
    }
    const view = await findAccountView(db, req.user.accountId);
    if (!view) throw new AppError('unauthenticated', 401, 'Your account no longer exists. Log in again.');
    res.json(presentMe(view));
  };
  router.get('/', handler);
  return router;
}
