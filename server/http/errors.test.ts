import { expect } from 'chai';
import type { Request, Response } from 'express';
import pino from 'pino';
import { QueryFailedError } from 'typeorm';
import { ERROR_CODES, type ErrorCode } from '../contract/errors.js';
import { AppError, fileTooLarge, notFound } from '../domain/errors.js';
import { ERROR_STATUS } from './error-status.js';
import { errorMiddleware } from './errors.js';

function respond(err: unknown): { status: number; body: unknown } {
  const out = { status: 0, body: undefined as unknown };
  const res = {
    status(code: number) {
      out.status = code;
      return this;
    },
    json(body: unknown) {
      out.body = body;
      return this;
    },
  } as unknown as Response;
  errorMiddleware(pino({ level: 'silent' }))(err, { id: 'req-1' } as unknown as Request, res, () => undefined);
  return out;
}

describe('error middleware', () => {
  it('gives every domain error code a client-error status', () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      if (code !== 'internal_error') expect(ERROR_STATUS[code], code).to.be.within(400, 499);
    }
  });

  it('answers a domain error with the status of its code and the one error body', () => {
    expect(respond(notFound('Application'))).to.deep.equal({ status: 404, body: { error: { code: 'not_found', message: 'Application not found.', requestId: 'req-1' } } });
    expect(respond(fileTooLarge(10 * 1024 * 1024))).to.deep.equal({
      status: 413,
      body: { error: { code: 'file_too_large', message: 'A file may be at most 10 MB.', details: { maxBytes: 10485760 }, requestId: 'req-1' } },
    });
    expect(respond(new AppError('status_changed', 'moved', { current: 'registered' })).status).to.equal(409);
  });

  it('answers a unique violation (SQLSTATE 23505) with 409 and anything else with 500', () => {
    const unique = new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
    expect(respond(unique)).to.deep.equal({ status: 409, body: { error: { code: 'conflict', message: 'This already exists.', requestId: 'req-1' } } });
    expect(respond(new Error('boom')).status).to.equal(500);
  });
});
