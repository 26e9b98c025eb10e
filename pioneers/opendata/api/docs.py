"""The API's documentation page: server-rendered from the OpenAPI document (no JavaScript, no
CDN), in the reader's language, beside /api/v1/openapi.json."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers

from pioneers.opendata.api.views import api


def _schema_type(schema: dict) -> str:
    if "anyOf" in schema:
        return " | ".join(_schema_type(part) for part in schema["anyOf"])
    if "enum" in schema:
        return " | ".join(str(value) for value in schema["enum"])
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    kind = schema.get("type", "")
    if schema.get("format"):
        kind = f"{kind} ({schema['format']})"
    return kind


def operations() -> list[dict]:
    """Each endpoint with its parameters and answers, in the order of the document."""
    document = api.get_openapi_schema(
        path_prefix=reverse("opendata:api:openapi-json").removesuffix("openapi.json")
    )
    result = []
    for address, methods in document["paths"].items():
        for method, operation in methods.items():
            result.append(
                {
                    "id": operation["operationId"],
                    "method": method.upper(),
                    "path": address,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "type": _schema_type(parameter.get("schema", {})),
                            "description": parameter.get("description")
                            or parameter.get("schema", {}).get("description", ""),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                    "responses": sorted(operation.get("responses", {})),
                }
            )
    return result


def api_docs(request):
    described = operations()
    response = render(
        request,
        "opendata/api_docs.html",
        {
            "operations": described,
            "openapi_url": reverse("opendata:api:openapi-json"),
        },
    )
    # One address for every language (the reader's Accept-Language): not for the shared page
    # cache, which keys pages by their address alone.
    patch_cache_control(response, private=True, max_age=600)
    patch_vary_headers(response, ["Accept-Language"])
    return response
