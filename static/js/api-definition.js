/* The HTML API definition: Swagger UI (from the swagger-ui-bundle pip package) reading /api.
   A file rather than an inline script, so the Content-Security-Policy needs no exception; the
   validator badge is off, because it would send the definition to a third-party site. */
(function () {
  "use strict";
  var target = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({
    url: target.getAttribute("data-definition"),
    domNode: target,
    validatorUrl: null,
    deepLinking: true,
    tryItOutEnabled: false,
  });
})();
