"""The API's documentation page: server-rendered from the OpenAPI document (no JavaScript, no
CDN), in the reader's language, beside /api/v1/openapi.json."""

from django.shortcuts import render
from django.urls import reverse

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
    return render(
        request,
        "opendata/api_docs.html",
        {
            "operations": operations(),
            "openapi_url": reverse("opendata:api:openapi-json"),
        },
    )
