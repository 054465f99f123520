"""Reads NDJSON as Lexer's own validator does and prints, per line, what it made of each record.

The vendor's upload example (examples/file_upload_api/upload.py, validate_file) opens the file as
text and hands each line to the record type's pydantic model (`parse_raw`). This does the same
with the vendor's models (the lexer_schemas package, whose folder is the first argument) and
prints one JSON object per line: {"line", "ok", "value"} with the record as the model read it
(dates and date-times as ISO text, nulls left out), or {"line", "ok": false, "error"}.

The models are pydantic 1 code: under pydantic 2 they run on its bundled `pydantic.v1`.
"""
import json
import sys

import pydantic

if not pydantic.VERSION.startswith("1."):
    import pydantic.v1 as v1
    import pydantic.v1.networks

    sys.modules["pydantic"] = v1
    sys.modules["pydantic.networks"] = pydantic.v1.networks

sys.path.insert(0, sys.argv[1])
from lexer_schemas.all import all_api_names  # noqa: E402

model = all_api_names[sys.argv[2]]


def without_nulls(value):
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


with open(sys.argv[3], "r") as f:
    for number, line in enumerate(f, start=1):
        try:
            record = model.parse_raw(line)
            # A field the record leaves out can default to a FieldInfo (email_send's campaign_id, from_,
            # to, body under pydantic 2's bundled v1): an absent value, written as null and left out.
            encode = record.__json_encoder__
            value = without_nulls(json.loads(record.json(encoder=lambda o: None if type(o).__name__ == "FieldInfo" else encode(o))))
            print(json.dumps({"line": number, "ok": True, "value": value}))
        except Exception as error:  # the vendor's example counts any exception as an invalid row
            print(json.dumps({"line": number, "ok": False, "error": str(error).splitlines()[0]}))
