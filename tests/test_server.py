"""The HTTP API, on a loopback port."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from vbextract.server import make_server

RAW = Path(__file__).resolve().parents[1] / "corpora" / "raw"


@pytest.fixture(scope="module")
def base_url():
    server = make_server("127.0.0.1", 0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def _call(url: str, data: bytes | None = None, content_type: str = "application/octet-stream"):
    request = urllib.request.Request(url, data=data, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_health_schema_and_openapi(base_url: str) -> None:
    status, health = _call(f"{base_url}/v1/health")
    assert status == 200 and health["schema_version"] == "1.0"
    assert _call(f"{base_url}/v1/schema")[1]["title"] == "vbextract Document"
    spec = _call(f"{base_url}/openapi.json")[1]
    assert set(spec["paths"]) == {"/v1/extract", "/v1/tasks", "/v1/schema", "/v1/health"}


def test_extract_a_file_body(base_url: str) -> None:
    status, document = _call(f"{base_url}/v1/extract", (RAW / "002_a7c8cf7df88d9035.txt").read_bytes())
    assert status == 200
    assert document["metadata"]["symbol"] == "235/KH-UBND"
    assert document["metadata"]["issued_date"] == "2025-09-11"


def test_tasks_from_json_text(base_url: str) -> None:
    text = (RAW / "000_d33c2c6bea5c954f.txt").read_text(encoding="utf-8")
    status, answer = _call(f"{base_url}/v1/tasks", json.dumps({"text": text}).encode(), "application/json")
    assert status == 200 and set(answer) == {"schema_version", "metadata", "tasks", "warnings"}
    leads = [t["lead"] for t in answer["tasks"]]
    assert ["Đảng ủy Công an tỉnh"] in leads


@pytest.mark.parametrize(
    ("path", "body", "content_type", "status", "code"),
    [
        ("/v1/extract", b"", "application/octet-stream", 422, "empty_input"),
        ("/v1/extract", b'{"txt": 1}', "application/json", 400, "bad_request"),
        ("/v1/extract?format=exe", b"abc", "application/octet-stream", 400, "bad_request"),
        ("/v1/nothing", b"abc", "application/octet-stream", 404, "not_found"),
    ],
)
def test_errors_are_json_with_a_code(base_url, path, body, content_type, status, code) -> None:
    got_status, answer = _call(base_url + path, body, content_type)
    assert (got_status, answer["error"]["code"]) == (status, code)
