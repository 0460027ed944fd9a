package io.cetus.objectstore.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.cetus.objectstore.discovery.DiscoveryDocuments;
import io.cetus.objectstore.openapi.OpenApiDocuments;

/**
 * {@code /version} and the OpenAPI v3 documents kubectl reads before {@code apply} ({@code
 * /openapi/v3}, {@code /openapi/v3/api/v1}, ...), plus the whole API as one document for Swagger UI
 * at {@code /openapi/v3/cetus}. There is no OpenAPI v2: its 404 is what kubectl expects then.
 */
@RestController
class DiscoveryResource {

  private static final String OPENAPI_V3 = "/openapi/v3";
  private static final String SWAGGER_DOCUMENT = "cetus";

  private final DiscoveryDocuments discovery;
  private final OpenApiDocuments openApi;

  DiscoveryResource(DiscoveryDocuments discovery, OpenApiDocuments openApi) {
    this.discovery = discovery;
    this.openApi = openApi;
  }

  @RequestMapping("/version")
  ResponseEntity<byte[]> version(HttpServletRequest request) {
    requireGet(request);
    return JsonResponses.ok(discovery.version());
  }

  @RequestMapping({"/openapi", "/openapi/**"})
  ResponseEntity<byte[]> openApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals(OPENAPI_V3)) {
      requireGet(request);
      return JsonResponses.ok(openApi.index());
    }
    if (!path.startsWith(OPENAPI_V3 + "/")) {
      throw ApiPathParser.notFound();
    }
    requireGet(request);
    String document = path.substring(OPENAPI_V3.length() + 1);
    if (document.equals(SWAGGER_DOCUMENT)) {
      return JsonResponses.ok(openApi.swaggerDocument());
    }
    return JsonResponses.ok(openApi.groupVersion(document).orElseThrow(ApiPathParser::notFound));
  }

  private static void requireGet(HttpServletRequest request) {
    if (!request.getMethod().equals("GET")) {
      throw ApiResource.methodNotAllowed();
    }
  }
}
