// Swagger UI over the API's own OpenAPI document; no validator badge (it would call out).
'use strict';
window.docs = { errors: [] };
window.addEventListener('error', e => window.docs.errors.push(String(e.message || e)));
window.ui = SwaggerUIBundle({
  url: '/api/openapi.yaml',
  dom_id: '#swagger-ui',
  validatorUrl: null,
  deepLinking: true
});
