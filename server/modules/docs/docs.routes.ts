import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router } from 'express';
import type { RouteImpls } from '../../http/api.js';
import { openApiDocument } from '../../http/openapi.js';

const ASSETS = '/api/docs/assets';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vakregister API reference</title>
<link rel="stylesheet" href="${ASSETS}/swagger-ui.css">
</head>
<body>
<main id="reference" aria-label="API reference"></main>
<script src="${ASSETS}/swagger-ui-bundle.js"></script>
<script src="${ASSETS}/init.js"></script>
</body>
</html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/docs/openapi.json', dom_id: '#reference', deepLinking: true, defaultModelsExpandDepth: 0, tryItOutEnabled: false });`;

/** The OpenAPI document and a readable reference page, served by the app itself (no CDN). */
export function docsRoutes(publicUrl: string): RouteImpls<'docsOpenApi' | 'docsReference'> {
  let document: ReturnType<typeof openApiDocument> | null = null;
  return {
    docsOpenApi: { action: 'docs.read', handle: () => Promise.resolve((document ??= openApiDocument(publicUrl)) as { openapi: string }) },
    docsReference: {
      action: 'docs.read',
      handle({ res }) {
        // Swagger UI sets inline styles; this page alone allows them.
        res.set('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; object-src 'none'");
        res.type('html').send(PAGE);
        return Promise.resolve();
      },
    },
  };
}

/** The reference page's scripts and styles: swagger-ui-dist from node_modules, plus its initialiser. */
export function docsAssets(): Router {
  const dist = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const router = Router();
  router.get('/init.js', (_req, res) => res.type('application/javascript').set('Cache-Control', 'no-cache').send(INIT));
  router.use(express.static(dist, { index: false, maxAge: '1d' }));
  return router;
}

export const DOCS_ASSETS_PATH = ASSETS;
