import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { ERROR_CODES, errorBody, type ErrorCode } from '../contract/errors.js';
import { COMMON_ERRORS, ROUTES, type RouteContract, type RouteName } from '../contract/routes.js';
import { ERROR_STATUS } from './error-status.js';

const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

function successResponse(route: RouteContract): ZodOpenApiOperationObject['responses'] {
  const s = route.success;
  if ('json' in s) return { [s.status]: { description: 'Success', content: { 'application/json': { schema: s.json } } } };
  if ('file' in s) {
    const types = s.file === 'evidence' ? ['application/pdf', 'image/jpeg', 'image/png'] : [s.file];
    return { 200: { description: 'The file', content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) } };
  }
  if ('html' in s) return { 200: { description: 'An HTML page', content: { 'text/html': { schema: { type: 'string' } } } } };
  if ('redirect' in s) return { 302: { description: `Redirect to ${s.redirect}` } };
  return { 204: { description: 'Done; no content' } };
}

/** The error responses of a route, grouped by status, each listing its codes and what they mean. */
function errorResponses(route: RouteContract): ZodOpenApiOperationObject['responses'] {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set([...COMMON_ERRORS, ...route.errors])) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      status,
      { description: codes.map((c) => `\`${c}\`: ${ERROR_CODES[c]}`).join('\n\n'), content: { 'application/json': { schema: errorBody } } },
    ]),
  );
}

function operation(name: RouteName, route: RouteContract): ZodOpenApiOperationObject {
  const requestParams = { ...(route.params ? { path: route.params } : {}), ...(route.query ? { query: route.query } : {}) };
  let requestBody: ZodOpenApiOperationObject['requestBody'];
  if (route.body && 'json' in route.body) requestBody = { required: true, content: { 'application/json': { schema: route.body.json } } };
  if (route.body && 'multipart' in route.body) {
    const fields = route.body.multipart.extend({ [route.body.file]: z.string().meta({ format: 'binary', description: 'The file' }) });
    requestBody = { required: true, content: { 'multipart/form-data': { schema: fields } } };
  }
  return {
    operationId: name,
    summary: route.summary,
    tags: [route.tag],
    ...(Object.keys(requestParams).length ? { requestParams } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: { ...successResponse(route), ...errorResponses(route) },
    // A route that can refuse an API token takes one (its policy rule has `tokens: true`).
    ...(route.errors.includes('invalid_token') ? { security: [{ apiToken: [] }] } : {}),
  };
}

/** The OpenAPI 3.1 document of the whole API, generated from the one contract (server/contract/routes.ts). */
export function openApiDocument(publicUrl: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const name of Object.keys(ROUTES) as RouteName[]) {
    const route: RouteContract = ROUTES[name];
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(name, route) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Vakregister API',
      version: '1',
      description:
        'The professional register for Dutch social workers. Every error answers `{ "error": { "code", "message", "details"?, "requestId" } }`; ' +
        'the codes are listed per response. Logged-in routes use the session cookie set by /auth/login; state-changing requests must come from this origin. ' +
        "Routes marked with the apiToken scheme also take an organisation's API token (`Authorization: Bearer vrk_…`, made by the organisation's admin); " +
        'a missing, malformed, unknown or revoked token is refused with 401 `invalid_token`, and calls are limited per token (429 with Retry-After).',
    },
    servers: [{ url: publicUrl }],
    components: { securitySchemes: { apiToken: { type: 'http', scheme: 'bearer', description: "An organisation's API token, vrk_<prefix>_<secret>." } } },
    paths,
  });
}
