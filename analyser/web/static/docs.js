// Starts Swagger UI on /docs (a file of its own: the pages' CSP allows no inline script).
window.addEventListener("load", function () {
  "use strict";
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
});
