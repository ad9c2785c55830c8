"""A small HTTP API over the library (standard library only, no extra dependency).

    vbextract serve --port 8000

| method | path | body | answer |
|---|---|---|---|
| GET | /v1/health | | ``{"status": "ok", "version", "schema_version"}`` |
| GET | /v1/schema | | JSON Schema of a Document |
| GET | /openapi.json | | OpenAPI 3.1 description of this API |
| POST | /v1/extract[?format=pdf] | the file's bytes, or JSON ``{"text": "..."}`` | a Document |
| POST | /v1/tasks[?format=pdf] | same | ``{"metadata", "tasks", "warnings"}`` (to prefill a task list) |

Errors answer with a status code and ``{"error": {"code", "message"}}``: 400 bad
request, 404 unknown path, 413 too large, 422 input that holds no usable document.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

from . import __version__
from .errors import InputTooLargeError, VbextractError
from .pipeline import extract, extract_text
from .schema import SCHEMA_VERSION, Document, json_schema

MAX_BODY = 20 * 1024 * 1024
FORMATS = ("txt", "md", "html", "docx", "pdf")


def _task_view(document: Document) -> dict[str, Any]:
    data = document.to_dict()
    return {"schema_version": SCHEMA_VERSION, "metadata": data["metadata"], "tasks": data["tasks"],
            "warnings": data["warnings"]}


_VIEWS = {"/v1/extract": Document.to_dict, "/v1/tasks": _task_view}


def openapi() -> dict[str, Any]:
    """OpenAPI 3.1 description of the API."""
    body = {"content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
                        "application/json": {"schema": {"type": "object", "properties": {"text": {"type": "string"}},
                                                        "required": ["text"]}}}}
    error = {"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    post = {
        "parameters": [{"name": "format", "in": "query", "required": False,
                        "schema": {"type": "string", "enum": list(FORMATS)}}],
        "requestBody": body,
        "responses": {"200": {"description": "the extraction",
                              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}},
                      "400": error, "413": error, "422": error},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "vbextract", "version": __version__,
                 "description": f"Structured data from Vietnamese directive documents (schema {SCHEMA_VERSION})."},
        "paths": {"/v1/extract": {"post": post}, "/v1/tasks": {"post": post},
                  "/v1/schema": {"get": {"responses": {"200": {"description": "JSON Schema"}}}},
                  "/v1/health": {"get": {"responses": {"200": {"description": "ok"}}}}},
        "components": {"schemas": {
            "Document": json_schema(),
            "Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {
                "code": {"type": "string"}, "message": {"type": "string"}}}}}}},
    }


class Handler(BaseHTTPRequestHandler):
    """Routes requests to the library; never lets an exception escape as a traceback."""

    server_version = f"vbextract/{__version__}"
    quiet = False

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        if not self.quiet:
            super().log_message(format, *args)

    def _send(self, status: int, payload: Any) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _error(self, status: int, code: str, message: str) -> None:
        self._send(status, {"error": {"code": code, "message": message}})

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        routes = {"/v1/health": lambda: {"status": "ok", "version": __version__, "schema_version": SCHEMA_VERSION},
                  "/v1/schema": json_schema, "/openapi.json": openapi}
        route = routes.get(urlparse(self.path).path)
        if route is None:
            self._error(HTTPStatus.NOT_FOUND, "not_found", f"no such path: {self.path}")
        else:
            self._send(HTTPStatus.OK, route())

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        url = urlparse(self.path)
        view = _VIEWS.get(url.path)
        if view is None:
            self._error(HTTPStatus.NOT_FOUND, "not_found", f"no such path: {url.path}")
            return
        try:
            document = self._extract(url.query)
        except InputTooLargeError as exc:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, exc.code, exc.message)
        except ValueError as exc:
            self._error(HTTPStatus.BAD_REQUEST, "bad_request", str(exc))
        except VbextractError as exc:
            self._error(HTTPStatus.UNPROCESSABLE_ENTITY, exc.code, exc.message)
        except Exception as exc:  # noqa: BLE001 - answer, don't crash the server
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal_error", f"{type(exc).__name__}: {exc}")
        else:
            self._send(HTTPStatus.OK, view(document))

    def _extract(self, query: str) -> Document:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise InputTooLargeError(f"request body of {length:,} bytes is over {MAX_BODY:,}")
        body = self.rfile.read(length)
        fmt = (parse_qs(query).get("format") or [None])[0]
        if fmt is not None and fmt not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}")
        if (self.headers.get("Content-Type") or "").startswith("application/json"):
            payload = json.loads(body or b"{}")
            if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
                raise ValueError('a JSON body must be {"text": "..."}')
            return extract_text(payload["text"])
        return extract(body, format=fmt)


def make_server(host: str = "127.0.0.1", port: int = 8000, *, quiet: bool = False) -> ThreadingHTTPServer:
    """A ready-to-run server (call ``serve_forever()``); port 0 picks a free port."""
    handler = type("QuietHandler" if quiet else "Handler", (Handler,), {"quiet": quiet})
    return ThreadingHTTPServer((host, port), handler)
