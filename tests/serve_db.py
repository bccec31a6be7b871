"""A small knowledge base for the web tests: the example article and a hostile one."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import EXAMPLE
from qatynas.read import read_paths
from qatynas.settings import Settings
from qatynas.store.db import connect
from qatynas.store.ingest import ingest

XSS_ID = "hostile/xss-2025-11-03"  # a slash in an id, too
SCRIPT = "<script>alert('xss')</script>"
IMG = '"><img src=x onerror=alert(1)>'
XSS = {
    "id": XSS_ID,
    "date": "2025-11-03",
    "source": "Test <b>outlet</b>",
    "url": "javascript:alert(3)",
    "title": f"Тоқаев Ереванға барды {SCRIPT}",
    "text": (
        f"Қазақстан Президенті Қасым-Жомарт Тоқаев Армения Президенті Ваагн Хачатурянмен "
        f"Ереванда кездесті {IMG}. Екі ел ынтымақтастық туралы келісімге қол қойды. {SCRIPT}"
    ),
}


def make_db(folder: Path) -> Path:
    """Ingest the example and the hostile article into `folder`/kb.db, closed afterwards."""
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(XSS, ensure_ascii=False) + "\n", encoding="utf-8")
    db = folder / "kb.db"
    conn = connect(db)
    for step in ingest(conn, read_paths([EXAMPLE, hostile], Settings()), Settings()):
        assert step.error is None, step.error
    conn.close()
    return db
