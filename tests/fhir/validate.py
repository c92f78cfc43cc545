#!/usr/bin/env python3
"""Validates FHIR R4 JSON files with fhir.resources (pydantic models).

    .venv/bin/python tests/fhir/validate.py FILE_OR_DIR...

Every `*.json` file (directories are walked, in name order) must hold one
resource. Each is checked three ways:

- model: the fhir.resources R4B model for its resourceType. R4B's
  Questionnaire, QuestionnaireResponse, Observation, CodeSystem and Bundle
  have exactly R4's elements, of the same types (R4B changed other
  resources; its Extension also takes valueCodeableReference and
  valueRatioRange, which R4's does not), so these models check R4
  structure: element names, required elements, datatypes, nested items and
  a Bundle's entries (the Bundle model validates each entry's resource with
  the model of its own resourceType). They do not check code values
  (`status: "done"` passes) and coerce some JSON types ("6" passes as an
  integer), which the JSON schema validator (validate.mjs) catches. A
  missing required primitive is only reported once the rest of its element
  is valid, so fixing one error can bring up another.
- json: FHIR's JSON rules that a model cannot see once parsed: no null, and
  no empty object, array or string (ele-1: every element has a value or
  children). An `answer: [{}]` breaks these.
- invariants: the few R4 invariants that bear on Ally's resources and that
  neither validator checks: ext-1, bdl-3, bdl-5, qrs-1, que-2, que-6, obs-3, obs-6.

Prints one line per file (and the errors under a failed one), then a count
per resourceType (nested resources included). Exits 1 when any file fails,
2 when there is nothing to validate.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from importlib.metadata import version
from pathlib import Path

from pydantic import ValidationError

from fhir.resources.R4B import get_fhir_model_class

# Besides a Bundle's entries, where a resource holds other resources.
NESTED = ("contained",)


def pointer(loc) -> str:
    """A pydantic location as a JSON pointer, like ajv's: /entry/0/resource/status."""
    return "/" + "/".join(str(p) for p in loc) if loc else "/"


def model_class(resource_type):
    if not isinstance(resource_type, str):
        return None
    try:
        return get_fhir_model_class(resource_type)
    except (ValueError, KeyError):
        return None


def resources(value, path=""):
    """Yields (path, resource) for a resource and every resource nested in it."""
    yield path, value
    if not isinstance(value, dict):
        return
    for n, entry in enumerate(value.get("entry") or []):
        if value.get("resourceType") == "Bundle" and isinstance(entry, dict) and "resource" in entry:
            yield from resources(entry["resource"], f"{path}/entry/{n}/resource")
    for key in NESTED:
        items = value.get(key)
        if isinstance(items, list):
            for n, r in enumerate(items):
                yield from resources(r, f"{path}/{key}/{n}")


def model_errors(resource) -> list[str]:
    if not isinstance(resource, dict):
        return ["/: model: a resource must be a JSON object"]
    # The models fail with an unhelpful KeyError on an unknown nested type: name it first.
    unknown = [
        f"{p or '/'}: model: unknown resourceType {r.get('resourceType')!r}"
        if isinstance(r, dict)
        else f"{p or '/'}: model: a resource must be a JSON object"
        for p, r in resources(resource)
        if not isinstance(r, dict) or model_class(r.get("resourceType")) is None
    ]
    if unknown:
        return unknown
    cls = model_class(resource["resourceType"])
    try:
        cls.model_validate(resource)
    except ValidationError as e:
        return [
            f"{pointer(err['loc'])}: model: {err['msg']} [{err['type']}]"
            for err in e.errors(include_url=False)
        ]
    except (ValueError, TypeError, KeyError) as e:
        return [f"/: model: {type(e).__name__}: {e}"]
    return []


def json_errors(value, path="") -> list[str]:
    """FHIR's JSON rules: no null (except inside a primitive array's `_` twin),
    and no empty object, array or string."""
    out = []
    if value is None:
        out.append(f"{path or '/'}: json: null is not allowed")
    elif isinstance(value, str):
        if value == "":
            out.append(f"{path or '/'}: json: a string must not be empty (leave the element out)")
    elif isinstance(value, list):
        if not value:
            out.append(f"{path or '/'}: json: an array must not be empty (leave the element out)")
        nulls_allowed = path.rsplit("/", 1)[-1].startswith("_")
        for n, v in enumerate(value):
            if v is None and nulls_allowed:
                continue
            out += json_errors(v, f"{path}/{n}")
    elif isinstance(value, dict):
        if not value:
            out.append(f"{path or '/'}: json: an object must not be empty (ele-1: an element has a value or children)")
        for k, v in value.items():
            out += json_errors(v, f"{path}/{k}")
    return out


def _value_keys(element: dict) -> list[str]:
    return [k for k in element if k.startswith("value") and len(k) > 5 and k[5].isupper()]


def _walk(value, path=""):
    """Yields (path, object) for every JSON object, depth first."""
    if isinstance(value, dict):
        yield path, value
        for k, v in value.items():
            yield from _walk(v, f"{path}/{k}")
    elif isinstance(value, list):
        for n, v in enumerate(value):
            yield from _walk(v, f"{path}/{n}")


def _items(items, path):
    """Yields (path, item) for Questionnaire / QuestionnaireResponse items, nested ones too."""
    for n, item in enumerate(items or []):
        if not isinstance(item, dict):
            continue
        here = f"{path}/{n}"
        yield here, item
        yield from _items(item.get("item"), f"{here}/item")
        for a, answer in enumerate(item.get("answer") or []):
            if isinstance(answer, dict):
                yield from _items(answer.get("item"), f"{here}/answer/{a}/item")


def invariant_errors(resource) -> list[str]:
    out = []
    # ext-1: an extension has either nested extensions or a value, not both (nor neither).
    for p, obj in _walk(resource):
        last = p.rsplit("/", 2)
        if len(last) == 3 and last[1] in ("extension", "modifierExtension"):
            if bool(_value_keys(obj)) == bool(obj.get("extension")):
                out.append(f"{p}: ext-1: an extension has either extensions or a value[x], not both nor neither")
    for base, r in resources(resource):
        if not isinstance(r, dict):
            continue
        rt = r.get("resourceType")
        if rt == "Bundle":
            needs_request = r.get("type") in ("batch", "transaction", "history")
            for n, e in enumerate(r.get("entry") or []):
                if isinstance(e, dict) and not any(k in e for k in ("resource", "request", "response")):
                    out.append(f"{base}/entry/{n}: bdl-5: an entry must have a resource (or a request or response)")
                if isinstance(e, dict) and needs_request != ("request" in e):
                    out.append(f"{base}/entry/{n}: bdl-3: a request is required in a batch, transaction or history Bundle, and only there")
        if rt == "QuestionnaireResponse":
            for p, item in _items(r.get("item"), f"{base}/item"):
                if item.get("answer") and item.get("item"):
                    out.append(f"{p}: qrs-1: an item cannot hold both answers and items (nest them under the answer)")
        if rt == "Questionnaire":
            seen = {}
            for p, item in _items(r.get("item"), f"{base}/item"):
                link = item.get("linkId")
                if link in seen:
                    out.append(f"{p}: que-2: linkId {link!r} is already used at {seen[link]}")
                else:
                    seen[link] = p
                if item.get("type") == "display" and ("required" in item or "repeats" in item):
                    out.append(f"{p}: que-6: a display item may not have required or repeats")
        if rt == "Observation":
            parts = [(base, r)] + [
                (f"{base}/component/{n}", c)
                for n, c in enumerate(r.get("component") or [])
                if isinstance(c, dict)
            ]
            # obs-6 is the Observation's rule; a component's value and
            # dataAbsentReason exclude each other the same way.
            for p, part in parts:
                if "dataAbsentReason" in part and _value_keys(part):
                    rule = "obs-6" if part is r else "obs-6 (on a component)"
                    out.append(f"{p or '/'}: {rule}: dataAbsentReason only when there is no value[x]")
            for n, rr in enumerate(r.get("referenceRange") or []):
                if isinstance(rr, dict) and not any(k in rr for k in ("low", "high", "text")):
                    out.append(f"{base}/referenceRange/{n}: obs-3: a reference range needs low, high or text")
    return out


def files(args) -> list[Path]:
    out = []
    for a in args:
        p = Path(a)
        if p.is_dir():
            out += sorted(f for f in p.rglob("*.json") if f.is_file())
        elif p.is_file():
            out.append(p)
        else:
            print(f"validate.py: no such file or directory: {a}", file=sys.stderr)
            sys.exit(2)
    return out


def main(argv: list[str]) -> int:
    paths = files(argv)
    if not paths:
        print("validate.py: no JSON files to validate in: " + " ".join(argv or ["(nothing given)"]), file=sys.stderr)
        return 2
    counts: Counter[str] = Counter()
    failed = 0
    for path in paths:
        try:
            resource = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            errors, kind = [f"/: json: not JSON: {e}"], "?"
        else:
            kind = resource.get("resourceType", "?") if isinstance(resource, dict) else "?"
            errors = json_errors(resource) + model_errors(resource) + invariant_errors(resource)
            for _, r in resources(resource):
                if isinstance(r, dict):
                    counts[str(r.get("resourceType", "?"))] += 1
        if errors:
            failed += 1
            print(f"FAIL {path} ({kind})")
            for e in errors:
                print(f"     {e}")
        else:
            print(f"ok   {path} ({kind})")
    summary = ", ".join(f"{t} {n}" for t, n in sorted(counts.items()))
    print(
        f"fhir.resources {version('fhir.resources')} (R4B models): "
        f"{len(paths)} files, {len(paths) - failed} valid, {failed} invalid; resources: {summary}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
